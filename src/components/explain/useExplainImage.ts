import { useEffect, useRef, useState } from 'react';
import { t } from '../../i18n';
import { builtinDataset, digitLabel, MNIST_PIXELS } from '../../engine';
import { useStore } from '../../state/createStore';
import type { ExplainImage } from '../../state/explainParams';
import { imageDataset } from '../../state/explainParams';
import { getBuiltinTestSet } from '../../state/datasetService';
import { lastDrawnDigit } from '../../state/lastDrawnDigit';
import { getMnist } from '../../state/mnistService';

/** The picture being explained: 28×28 values in [0, 1], with its true label (class index) when known. */
export type ExplainPicture = { pixels: Float32Array; label: number | null; key: string };

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
  useEffect(() => {
    let cancelled = false;
    if (index < 0) {
      if (drawn) {
        setPicture({ pixels: drawn, label: null, key: 'drawn' });
        setError(null);
      } else setError(t('explain.nothingDrawn'));
      return;
    }
    const key = `${dataset}-test:${index}`;
    if (current.current?.key === key) return;
    (dataset === 'fashion-mnist' ? getBuiltinTestSet('fashion-mnist') : getMnist('test')).then(
      (set) => {
        if (cancelled) return;
        const bytes = set.images.subarray(index * MNIST_PIXELS, (index + 1) * MNIST_PIXELS);
        setPicture({ pixels: Float32Array.from(bytes, (b) => b / 255), label: digitLabel(set, index), key });
        setError(null);
      },
      (e: unknown) => {
        if (cancelled) return;
        const reason = e instanceof Error ? e.message : String(e);
        setError(
          dataset === 'fashion-mnist'
            ? t('explain.picturesFailed', { dataset: builtinDataset('fashion-mnist').name, reason })
            : t('explain.mnistFailed', { reason }),
        );
      },
    );
    return () => {
      cancelled = true;
    };
  }, [index, dataset, drawn]);
  return { picture, error };
}
