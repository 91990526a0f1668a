import { useEffect, useRef, useState } from 'react';
import { t } from '../../i18n';
import { builtinDataset, digitLabel, setGeometry, type InputShape } from '../../engine';
import { useStore } from '../../state/createStore';
import type { ExplainImage } from '../../state/explainParams';
import { imageDataset } from '../../state/explainParams';
import { getTestSet } from '../../state/datasetService';
import { lastDrawnDigit } from '../../state/lastDrawnDigit';
import { useMnistRetries } from '../../state/useMnistRetries';

/**
 * The picture being explained: h·w·c values in [0, 1] (28×28×1 for the built-in sets and drawings,
 * a stored set's own shape, e.g. 32×32×3 colour), with its true label (class index) when known.
 */
export type ExplainPicture = { pixels: Float32Array; shape: InputShape; label: number | null; key: string };

/**
 * Turns the image setting into pixels. A drawn digit that does not exist yet, or MNIST failing to
 * load, gives a message and keeps the previous picture.
 */
export function useExplainImage(image: ExplainImage): {
  picture: ExplainPicture | null;
  error: string | null;
} {
  const drawn = useStore(lastDrawnDigit, (s) => s.pixels);
  const [picture, setPicture] = useState<ExplainPicture | null>(null);
  const [error, setError] = useState<string | null>(null);
  const current = useRef<ExplainPicture | null>(null);
  current.current = picture;
  const index = image.kind === 'drawn' ? -1 : image.index;
  const dataset = imageDataset(image);
  // After the status bar's Try again, ask for the digits again.
  const retries = useMnistRetries();
  useEffect(() => {
    let cancelled = false;
    if (index < 0) {
      if (drawn) {
        setPicture({ pixels: drawn, shape: [28, 28, 1], label: null, key: 'drawn' });
        setError(null);
      } else setError(t('explain.nothingDrawn'));
      return;
    }
    const key = `${dataset}-test:${index}`;
    if (current.current?.key === key) return;
    getTestSet(dataset).then(
      (set) => {
        if (cancelled) return;
        const g = setGeometry(set);
        // The codec checked the number against the stored count; a split that came out smaller keeps the picture.
        if (index >= set.count) {
          setError(t('explain.pictureMissing', { index, dataset, count: set.count }));
          return;
        }
        const bytes = set.images.subarray(index * g.size, (index + 1) * g.size);
        setPicture({
          pixels: Float32Array.from(bytes, (b) => b / 255),
          shape: [g.h, g.w, g.c],
          label: digitLabel(set, index),
          key,
        });
        setError(null);
      },
      (e: unknown) => {
        if (cancelled) return;
        const reason = e instanceof Error ? e.message : String(e);
        setError(
          dataset === 'mnist'
            ? t('explain.mnistFailed', { reason })
            : t('explain.picturesFailed', {
                dataset: dataset === 'fashion-mnist' ? builtinDataset('fashion-mnist').name : dataset,
                reason,
              }),
        );
      },
    );
    return () => {
      cancelled = true;
    };
  }, [index, dataset, drawn, retries]);
  return { picture, error };
}
