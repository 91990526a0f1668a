import { useEffect, useState } from 'react';
import { t } from '../../i18n';
import { digitLabel, digitPixels, type MapStack } from '../../engine';
import type { ConvSettings, ImageSource } from '../../state/convParams';
import { lastDrawnDigit } from '../../state/lastDrawnDigit';
import { getMnist } from '../../state/mnistService';
import { useStore } from '../../state/createStore';
import { patternImage, patternLabel } from './patterns';
import { photoGrey, photoStore } from './photo';
import { useMnistRetries } from '../../state/useMnistRetries';

export type ConvInput = {
  stack: MapStack;
  /** What the image is, for panel titles: "MNIST test digit #0 (a 7)". */
  title: string;
  /** Names for the channels: ['grey'] or ['red', 'green', 'blue']. */
  channelNames: string[];
};

function sourceKey(img: ImageSource, color: string): string {
  if (img.kind === 'custom') return `custom:${img.w}x${img.h}x${img.c}:${img.values.join(',')}`;
  if (img.kind === 'photo') return `photo:${color}`;
  return JSON.stringify(img);
}

/** Channel names in the current language, looked up when an input is built (not at module load). */
const namesGrey = () => [t('conv.input.channels.grey')];
const namesRgb = () => [
  t('conv.input.channels.red'),
  t('conv.input.channels.green'),
  t('conv.input.channels.blue'),
];

/**
 * Turns the image setting into pixels. MNIST digits load asynchronously; while they load, or when
 * a source is unavailable (nothing drawn yet, no photo uploaded), the previous input stays and
 * `error` says why. `mnist-test:random` is replaced, through `update`, by an index picked here, so
 * the link names the digit on screen.
 */
export function useConvInput(
  settings: ConvSettings,
  update: (patch: Partial<ConvSettings>) => void,
): { input: ConvInput | null; loading: boolean; error: string | null } {
  const { image, color } = settings;
  const drawn = useStore(lastDrawnDigit, (s) => s.pixels);
  const photo = useStore(photoStore, (s) => s.photo);
  const [state, setState] = useState<{ input: ConvInput | null; loading: boolean; error: string | null }>({
    input: null,
    loading: true,
    error: null,
  });
  const key = sourceKey(image, color);

  // After the status bar's Try again, ask for the digits again.
  const retries = useMnistRetries();
  useEffect(() => {
    let alive = true;
    const done = (input: ConvInput) => alive && setState({ input, loading: false, error: null });
    const fail = (error: string) => alive && setState((s) => ({ input: s.input, loading: false, error }));
    const fallbackToDigit = (why: string) => {
      fail(why);
      // With nothing on screen yet, show digit 0 rather than an empty page.
      getMnist('test')
        .then(
          (set) =>
            alive &&
            setState((s) =>
              s.input
                ? s
                : {
                    ...s,
                    input: {
                      stack: { data: digitPixels(set, 0), shape: [28, 28, 1] },
                      title: t('conv.input.titles.mnist', { index: '0', label: String(digitLabel(set, 0)) }),
                      channelNames: namesGrey(),
                    },
                  },
            ),
        )
        .catch(() => {});
    };
    switch (image.kind) {
      case 'mnist': {
        if (image.index === 'random') {
          update({ image: { kind: 'mnist', index: Math.floor(Math.random() * 10000) } });
          break;
        }
        const index = image.index;
        setState((s) => ({ ...s, loading: true }));
        getMnist('test')
          .then((set) =>
            done({
              stack: { data: digitPixels(set, index), shape: [28, 28, 1] },
              title: t('conv.input.titles.mnist', {
                index: String(index),
                label: String(digitLabel(set, index)),
              }),
              channelNames: namesGrey(),
            }),
          )
          .catch((e: unknown) =>
            fail(t('conv.input.mnistFailed', { reason: e instanceof Error ? e.message : String(e) })),
          );
        break;
      }
      case 'drawn':
        if (drawn)
          done({
            stack: { data: drawn.slice(), shape: [28, 28, 1] },
            title: t('conv.input.titles.drawn'),
            channelNames: namesGrey(),
          });
        else fallbackToDigit(t('conv.input.nothingDrawn'));
        break;
      case 'photo':
        if (!photo) {
          fallbackToDigit(t('conv.input.photoNotKept'));
        } else if (color === 'rgb') {
          done({
            stack: { data: photo.rgb, shape: [photo.h, photo.w, 3] },
            title: t('conv.input.titles.photoRgb', { name: photo.name }),
            channelNames: namesRgb(),
          });
        } else {
          done({
            stack: { data: photoGrey(photo), shape: [photo.h, photo.w, 1] },
            title: t('conv.input.titles.photoGrey', { name: photo.name }),
            channelNames: namesGrey(),
          });
        }
        break;
      case 'pattern':
        done({
          stack: patternImage(image.name, image.size),
          title: t('conv.input.titles.pattern', { name: patternLabel(image.name) }),
          channelNames: namesGrey(),
        });
        break;
      case 'custom':
        done({
          stack: { data: toHWC(image.values, image.h, image.w, image.c), shape: [image.h, image.w, image.c] },
          title: t('conv.input.titles.custom', { w: String(image.w), h: String(image.h) }),
          channelNames:
            image.c === 3
              ? namesRgb()
              : Array.from({ length: image.c }, (_, i) => t('conv.input.channel', { n: String(i + 1) })),
        });
        break;
    }
    return () => {
      alive = false;
    };
    // `key` captures everything about `image` that matters; the objects themselves change identity per render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, drawn, photo, retries]);

  return state;
}

/** URL custom images are channel after channel; the ops want channels last. */
function toHWC(values: Float32Array, h: number, w: number, c: number): Float32Array {
  if (c === 1) return values.slice();
  const out = new Float32Array(h * w * c);
  for (let ch = 0; ch < c; ch++)
    for (let i = 0; i < h * w; i++) out[i * c + ch] = values[ch * h * w + i] ?? 0;
  return out;
}
