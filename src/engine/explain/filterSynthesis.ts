/**
 * What each filter wants, made rather than found: an input synthesised by gradient ascent (Erhan et al.
 * 2009; the regularised recipe of Olah, Mordvintsev & Schubert, "Feature Visualization", Distill 2017).
 *
 * For filter f of a conv layer, take the unit at the centre of its map, (r, c) = (⌊h/2⌋, ⌊w/2⌋), and its
 * value *before* the activation function, a = conv(x)[r, c, f] + b_f (so a ReLU that is off still gives
 * a gradient). Starting from a faint seeded noise image x, repeat:
 *
 *   1. jitter: shift x by a random (dy, dx) ∈ [−J, J]² (with wrap-around), so the result cannot rely on
 *      exact pixel positions (tiny high-frequency patterns that fool the filter but look like nothing);
 *   2. objective L(x) = a(shift(x)) − λ₂·mean(x²) − λ_TV·mean(|x[i+1,j] − x[i,j]| + |x[i,j+1] − x[i,j]|):
 *      the L2 term keeps the background dark (ink only where it helps), total variation keeps strokes smooth;
 *   3. x ← clip(x + η · ∇L / (mean |∇L| + ε), 0, 1): a step of fixed size, whatever the gradient's scale;
 *   4. every `blurEvery` steps, blur x with a 3×3 Gaussian [1 2 1]ᵀ[1 2 1]/16 (a further smoothness prior).
 *
 * Every filter of the layer is optimised at once (one batch of F images, image f scored on filter f).
 * The result is cut to the centre unit's receptive field, the same square as the top-9 patches, with
 * all the input's channels (a colour model's picture is in colour).
 */
import * as tf from '@tensorflow/tfjs-core';
import { mulberry32 } from '../data/random';
import { runLayers, yieldToLoop, type Network } from './network';
import { cutPatch, receptiveField, type ReceptiveField } from './topPatches';

export type SynthesisOptions = {
  steps?: number;
  /** η: the step size in pixel values. */
  stepSize?: number;
  /** J: the largest shift, in pixels. */
  jitter?: number;
  l2?: number;
  tv?: number;
  blurEvery?: number;
  seed?: number;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
};

export const SYNTHESIS_DEFAULTS = {
  steps: 96,
  stepSize: 0.05,
  jitter: 1,
  l2: 0.5,
  tv: 0.5,
  blurEvery: 8,
  seed: 7,
} as const;

export type LayerSynthesis = {
  layer: string;
  field: ReceptiveField;
  /** The input's channels: 1 (greyscale) or 3 (colour). */
  channels: number;
  /** One `field.size² × channels` picture per filter (values 0–1), row-major, channels last. */
  filters: Float32Array[];
  /** The centre unit's pre-activation for each filter's picture, after the last step. */
  activations: Float32Array;
};

type ConvConfig = { strides?: number | number[]; padding?: string; dilationRate?: number | number[] };
const pair = (v: number | number[] | undefined): [number, number] =>
  v === undefined ? [1, 1] : Array.isArray(v) ? [v[0] ?? 1, v[1] ?? v[0] ?? 1] : [v, v];

/**
 * The pre-activation `[n, h, w, filters]` of conv layer `index` for images `x`: the layers before it
 * as they are, then the convolution and bias without the activation function. Only plain `Conv2D`
 * layers are replayed by hand; other conv kinds give their output (after the activation). Call
 * inside tidy/grad.
 */
export function convPreActivation(net: Network, index: number, x: tf.Tensor4D): tf.Tensor4D {
  const layer = net.layers[index];
  if (!layer) throw new RangeError(`no layer ${index}`);
  const h = runLayers(net, x, 0, index) as tf.Tensor4D;
  if (layer.getClassName() !== 'Conv2D') return layer.apply(h) as tf.Tensor4D;
  const cfg = layer.getConfig() as ConvConfig;
  // getWeights() returns the layer's own variables: never dispose them.
  const [kernel, bias] = layer.getWeights();
  const y = tf.conv2d(
    h,
    kernel as tf.Tensor4D,
    pair(cfg.strides),
    cfg.padding === 'same' ? 'same' : 'valid',
    'NHWC',
    pair(cfg.dilationRate),
  );
  return bias ? tf.add(y, bias) : y;
}

/** Rolls `x` `[n, h, w, c]` by (dy, dx) pixels with wrap-around. Call inside tidy/grad. */
function roll(x: tf.Tensor4D, dy: number, dx: number): tf.Tensor4D {
  const [, h, w] = x.shape;
  let out = x;
  const sy = ((dy % h) + h) % h;
  const sx = ((dx % w) + w) % w;
  if (sy)
    out = tf.concat(
      [tf.slice(out, [0, h - sy, 0, 0], [-1, sy, -1, -1]), tf.slice(out, [0, 0, 0, 0], [-1, h - sy, -1, -1])],
      1,
    );
  if (sx)
    out = tf.concat(
      [tf.slice(out, [0, 0, w - sx, 0], [-1, -1, sx, -1]), tf.slice(out, [0, 0, 0, 0], [-1, -1, w - sx, -1])],
      2,
    );
  return out;
}

/**
 * Synthesises one input per filter of conv layer `convIndex` (index into `net.convLayers`).
 * Returns plain arrays; every tensor made here is freed (the model's weights are only read).
 */
export async function synthesizeFilterInputs(
  net: Network,
  convIndex: number,
  opts: SynthesisOptions = {},
): Promise<LayerSynthesis> {
  const conv = net.convLayers[convIndex];
  if (!conv) throw new RangeError(`no conv layer ${convIndex}`);
  const o = { ...SYNTHESIS_DEFAULTS, ...opts };
  const [h, w, ch] = net.inputShape;
  const F = conv.filters;
  const rng = mulberry32(o.seed);
  const start = Float32Array.from({ length: F * h * w * ch }, () => 0.1 + 0.1 * rng());
  const r = Math.floor(conv.outH / 2);
  const c = Math.floor(conv.outW / 2);
  // mask[f, r, c, f] = 1: image f is scored on filter f at the centre unit only.
  const maskData = new Float32Array(F * conv.outH * conv.outW * F);
  for (let f = 0; f < F; f++) maskData[((f * conv.outH + r) * conv.outW + c) * F + f] = 1;
  const mask = tf.tensor4d(maskData, [F, conv.outH, conv.outW, F]);
  const blurKernel = tf.tidy(() => {
    const k1 = tf.tensor1d([1, 2, 1]);
    const k2 = tf.div(tf.outerProduct(k1, k1), 16);
    return tf.tile<tf.Tensor4D>(tf.reshape(k2, [3, 3, 1, 1]), [1, 1, ch, 1]);
  });
  let x = tf.tensor4d(start, [F, h, w, ch]);
  const objective = (img: tf.Tensor4D, dy: number, dx: number): tf.Scalar => {
    const a = tf.sum(tf.mul(convPreActivation(net, conv.index, roll(img, dy, dx)), mask));
    const l2 = tf.mean(tf.square(img));
    const tv = tf.add(
      tf.mean(
        tf.abs(
          tf.sub(
            tf.slice(img, [0, 1, 0, 0], [-1, h - 1, -1, -1]),
            tf.slice(img, [0, 0, 0, 0], [-1, h - 1, -1, -1]),
          ),
        ),
      ),
      tf.mean(
        tf.abs(
          tf.sub(
            tf.slice(img, [0, 0, 1, 0], [-1, -1, w - 1, -1]),
            tf.slice(img, [0, 0, 0, 0], [-1, -1, w - 1, -1]),
          ),
        ),
      ),
    );
    // a is summed over the F images; the penalties are per-pixel means, scaled to the batch.
    return tf.sub<tf.Scalar>(a, tf.mul(F, tf.add(tf.mul(o.l2, l2), tf.mul(o.tv, tv))));
  };
  try {
    for (let step = 0; step < o.steps; step++) {
      opts.signal?.throwIfAborted();
      const dy = Math.round((rng() * 2 - 1) * o.jitter);
      const dx = Math.round((rng() * 2 - 1) * o.jitter);
      const blur = o.blurEvery > 0 && (step + 1) % o.blurEvery === 0;
      const next = tf.tidy(() => {
        const g = tf.grad((img: tf.Tensor) => objective(img as tf.Tensor4D, dy, dx))(x);
        const scale = tf.add(tf.mean(tf.abs(g)), 1e-8);
        let y = tf.clipByValue<tf.Tensor4D>(tf.add(x, tf.mul(o.stepSize, tf.div(g, scale))), 0, 1);
        if (blur) y = tf.depthwiseConv2d(y, blurKernel, 1, 'same');
        return y;
      });
      x.dispose();
      x = next;
      if (step % 8 === 7 || step === o.steps - 1) {
        opts.onProgress?.(step + 1, o.steps);
        await yieldToLoop();
      }
    }
    const finalAct = tf.tidy(() => tf.sum(tf.mul(convPreActivation(net, conv.index, x), mask), [1, 2, 3]));
    const [pixels, acts] = await Promise.all([x.data(), finalAct.data()]);
    finalAct.dispose();
    const field = receptiveField(net, conv.index);
    // Each picture keeps all its channels (a colour model's favourite picture is shown in colour).
    const filters = Array.from({ length: F }, (_, f) =>
      cutPatch(pixels.subarray(f * h * w * ch, (f + 1) * h * w * ch), h, w, field, r, c, ch),
    );
    return { layer: conv.name, field, channels: ch, filters, activations: acts as Float32Array };
  } finally {
    x.dispose();
    mask.dispose();
    blurKernel.dispose();
  }
}
