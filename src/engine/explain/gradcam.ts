/**
 * Grad-CAM (Selvaraju et al. 2017): where, in a conv layer's maps, the evidence for class `c` sits.
 *
 * With `A_k` the k-th activation map `[h, w]` of the conv layer and `z_c` the pre-softmax score:
 *
 *   α_k = (1 / (h·w)) Σ_ij ∂z_c / ∂A_k[i, j]      (how much map k matters for c, on average)
 *   cam[i, j] = ReLU( Σ_k α_k · A_k[i, j] )         (only evidence *for* c is kept)
 *
 * The `h × w` map is then stretched onto the image with bilinear interpolation (`upsampleBilinear`).
 * Uses the last conv layer by default: the most "class-like" maps that still know where things are.
 */
import * as tf from '@tensorflow/tfjs-core';
import { classify, logitsFrom, runLayers, type Network } from './network';

export type GradCamMap = {
  /** The layer's own `camH × camW` map, row-major, ≥ 0. */
  cam: Float32Array;
  camH: number;
  camW: number;
  /** `cam` stretched to the image's `h × w`. */
  values: Float32Array;
  h: number;
  w: number;
  /** α_k, one weight per channel of the layer. */
  weights: Float32Array;
  layerName: string;
  classIndex: number;
};

/**
 * Bilinear resize of a `sh × sw` map to `th × tw`, pixel centres aligned (the convention of
 * `tf.image.resizeBilinear` with `halfPixelCenters`): target pixel (y, x) samples the source at
 * ((y + 0.5)·sh/th − 0.5, (x + 0.5)·sw/tw − 0.5), clamped to the edges. Pure.
 */
export function upsampleBilinear(
  src: ArrayLike<number>,
  sh: number,
  sw: number,
  th: number,
  tw: number,
): Float32Array {
  const out = new Float32Array(th * tw);
  const at = (y: number, x: number) => src[y * sw + x] as number;
  for (let y = 0; y < th; y++) {
    const fy = Math.min(sh - 1, Math.max(0, ((y + 0.5) * sh) / th - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(sh - 1, y0 + 1);
    const dy = fy - y0;
    for (let x = 0; x < tw; x++) {
      const fx = Math.min(sw - 1, Math.max(0, ((x + 0.5) * sw) / tw - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(sw - 1, x0 + 1);
      const dx = fx - x0;
      const top = at(y0, x0) * (1 - dx) + at(y0, x1) * dx;
      const bottom = at(y1, x0) * (1 - dx) + at(y1, x1) * dx;
      out[y * tw + x] = top * (1 - dy) + bottom * dy;
    }
  }
  return out;
}

/**
 * Grad-CAM for one image at conv layer `layerIndex` (an index into `net.layers`; default: the last conv
 * layer). Throws a RangeError when the model has no conv layer (the UI says why Grad-CAM does not
 * apply). Returns plain arrays; every tensor is freed.
 */
export async function computeGradCam(
  net: Network,
  pixels: Float32Array,
  opts: { classIndex?: number; layerIndex?: number } = {},
): Promise<GradCamMap> {
  const conv = opts.layerIndex ?? net.convLayers[net.convLayers.length - 1]?.index;
  if (conv === undefined) throw new RangeError('the model has no conv layer');
  const info = net.convLayers.find((l) => l.index === conv);
  if (!info) throw new RangeError(`layer ${conv} is not a conv layer`);
  const c = opts.classIndex ?? (await classify(net, pixels)).top;
  const [h, w, ch] = net.inputShape;
  const [camT, alphaT] = tf.tidy(() => {
    const x = tf.tensor4d(pixels, [1, h, w, ch]);
    const a = runLayers(net, x, 0, conv + 1) as tf.Tensor4D;
    const score = (act: tf.Tensor) => tf.sum(tf.slice(logitsFrom(net, act, conv + 1), [0, c], [1, 1]));
    const g = tf.grad(score)(a);
    const alpha = tf.mean<tf.Tensor1D>(g, [0, 1, 2]);
    const weighted = tf.squeeze(tf.sum(tf.mul(a, alpha), 3), [0]);
    return [tf.relu(weighted) as tf.Tensor2D, alpha];
  });
  const cam = (await camT.data()) as Float32Array;
  const weights = (await alphaT.data()) as Float32Array;
  camT.dispose();
  alphaT.dispose();
  return {
    cam,
    camH: info.outH,
    camW: info.outW,
    values: upsampleBilinear(cam, info.outH, info.outW, h, w),
    h,
    w,
    weights,
    layerName: info.name,
    classIndex: c,
  };
}
