/**
 * Gradient saliency: which pixels, nudged a little, would change the class score the most.
 *
 *   saliency(i) = | ∂z_c / ∂x_i |
 *
 * with `z_c` the pre-softmax score of class `c` (see network.ts) and `x_i` pixel i. The score is used,
 * not the probability, because softmax couples the classes: `∂P_c/∂x` can shrink just because another
 * class grows.
 *
 * SmoothGrad (Smilkov et al. 2017) averages the saliency of `samples` noisy copies of the image,
 *
 *   smooth(i) = (1/n) Σ_k | ∂z_c / ∂x_i (x + ε_k) |,   ε_k ~ N(0, (σ·(max x − min x))²) per pixel,
 *
 * which washes out the speckle a single gradient has. The noise is seeded, so a link reproduces a map.
 *
 * A colour picture has three numbers per pixel (red, green, blue), so three gradients; the map keeps
 * the largest, `max_ch |∂z_c / ∂x_(i,ch)|` (Simonyan et al. 2013 do the same), so a pixel that matters
 * through one colour only is not diluted by the other two. For SmoothGrad the max is taken per noisy
 * copy, then averaged. A greyscale picture has one channel, so the max is the value itself.
 */
import * as tf from '@tensorflow/tfjs-core';
import { classify, logitsFrom, type Network } from './network';

export type SaliencyMap = {
  /** `h × w` values (the largest over the channels for colour inputs), row-major, all ≥ 0. */
  values: Float32Array;
  h: number;
  w: number;
  classIndex: number;
};

export type SmoothGradParams = {
  /** Noise level as a fraction of the image's value range (0.15 = 15 %). */
  sigma: number;
  samples: number;
  seed?: number;
  classIndex?: number;
};

/**
 * The gradient of `Σ_n z_c(x_n)` for a batch `x` `[n, h, w, c]`: each row is `∂z_c/∂x_n` because the
 * images do not interact. Returns a new tensor; the caller disposes it.
 */
export function scoreGradient(net: Network, x: tf.Tensor4D, classIndex: number): tf.Tensor4D {
  return tf.tidy(() => {
    const g = tf.grad((input: tf.Tensor) =>
      tf.sum(tf.slice(logitsFrom(net, input), [0, classIndex], [-1, 1])),
    );
    return g(x) as tf.Tensor4D;
  });
}

/** `|∂z_c/∂x|`, largest over the channels, averaged over the batch: `[h, w]`. Call inside tidy. */
function meanAbsMap(grad: tf.Tensor4D): tf.Tensor2D {
  return tf.mean<tf.Tensor2D>(tf.max(tf.abs(grad), 3), 0);
}

async function read(net: Network, t: tf.Tensor, classIndex: number): Promise<SaliencyMap> {
  const values = (await t.data()) as Float32Array;
  t.dispose();
  const [h, w] = net.inputShape;
  return { values, h, w, classIndex };
}

/**
 * `|∂z_c/∂x|` for one image (`pixels`: h·w·c values). `c` is the top class unless `classIndex` is given.
 * Returns plain arrays; every tensor is freed.
 */
export async function computeSaliency(
  net: Network,
  pixels: Float32Array,
  classIndex?: number,
): Promise<SaliencyMap> {
  const c = classIndex ?? (await classify(net, pixels)).top;
  const [h, w, ch] = net.inputShape;
  const map = tf.tidy(() => meanAbsMap(scoreGradient(net, tf.tensor4d(pixels, [1, h, w, ch]), c)));
  return read(net, map, c);
}

/**
 * The noisy copies SmoothGrad uses: `[samples, h, w, c]` = image + N(0, (σ·range)²), seeded.
 * Exported so tests can rebuild the same copies. Returns a new tensor; the caller disposes it.
 */
export function smoothGradInputs(
  net: Network,
  pixels: Float32Array,
  params: Pick<SmoothGradParams, 'sigma' | 'samples' | 'seed'>,
): tf.Tensor4D {
  const [h, w, c] = net.inputShape;
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of pixels) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const std = params.sigma * (hi > lo ? hi - lo : 1);
  return tf.tidy(() => {
    const x = tf.tensor4d(pixels, [1, h, w, c]);
    const noise = tf.randomNormal([params.samples, h, w, c], 0, std, 'float32', params.seed ?? 1);
    return tf.add<tf.Tensor4D>(x, noise);
  });
}

/** SmoothGrad (module comment) in one batched backward pass. Returns plain arrays; frees every tensor. */
export async function computeSmoothGrad(
  net: Network,
  pixels: Float32Array,
  params: SmoothGradParams,
): Promise<SaliencyMap> {
  const c = params.classIndex ?? (await classify(net, pixels)).top;
  const map = tf.tidy(() => {
    const noisy = smoothGradInputs(net, pixels, params);
    return meanAbsMap(scoreGradient(net, noisy, c));
  });
  return read(net, map, c);
}
