/**
 * What each filter wants: for every filter of every conv layer, the test images whose patch excites it
 * most, and where that patch is.
 *
 * A unit at output cell (row, col) of a conv layer sees only a square of the input, its **receptive
 * field**: `size × size` pixels whose top-left corner is `(row·jump + offset, col·jump + offset)`.
 * Walking the chain from the input, with `j` the jump (product of strides so far), each conv or pool
 * layer with kernel `k` (dilation `d`: effective `k' = d·(k−1) + 1`), stride `s` and a left padding `p`
 * does:   size += (k' − 1)·j;   offset −= p·j;   j *= s.
 * ('same' padding pads `p = ⌊max((⌈n/s⌉ − 1)·s + k' − n, 0) / 2⌋` on the left/top, as TensorFlow does.)
 *
 * A filter's top patches: the `k` images with the largest activation anywhere on the filter's map,
 * one patch per image (its strongest position), so nine different digits, not one digit nine times.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { forEachImageBatch } from './imageBatches';
import type { Network } from './network';

export type ReceptiveField = { size: number; jump: number; offset: number };

export type TopPatch = { image: number; row: number; col: number; value: number };

export type LayerTopPatches = {
  layer: string;
  field: ReceptiveField;
  /** One list per filter, strongest first. */
  filters: TopPatch[][];
};

type LayerConfig = {
  kernelSize?: number | number[];
  poolSize?: number | number[];
  strides?: number | number[];
  padding?: string;
  dilationRate?: number | number[];
};
const first = (v: number | number[] | undefined, fallback: number) =>
  v === undefined ? fallback : Array.isArray(v) ? (v[0] ?? fallback) : v;

/** The receptive field of conv layer `layerIndex` (index into `net.layers`). Pure; no tensors. */
export function receptiveField(net: Network, layerIndex: number): ReceptiveField {
  let size = 1;
  let jump = 1;
  let offset = 0;
  for (let i = 0; i <= layerIndex; i++) {
    const layer = net.layers[i];
    if (!layer) break;
    const cfg = layer.getConfig() as LayerConfig;
    const k = first(cfg.kernelSize ?? cfg.poolSize, 0);
    if (k === 0) continue; // activation, dropout, normalisation: the field does not change
    const s = first(cfg.strides, cfg.poolSize !== undefined ? k : 1);
    const d = first(cfg.dilationRate, 1);
    const kEff = d * (k - 1) + 1;
    // The input height of this layer: the image's, or the previous layer's output height.
    const prevShape = i === 0 ? null : (net.layers[i - 1]?.outputShape as (number | null)[] | undefined);
    const n = prevShape ? (prevShape[1] ?? 0) : net.inputShape[0];
    const pad =
      cfg.padding === 'same' ? Math.floor(Math.max((Math.ceil(n / s) - 1) * s + kEff - n, 0) / 2) : 0;
    size += (kEff - 1) * jump;
    offset -= pad * jump;
    jump *= s;
  }
  return { size, jump, offset };
}

/**
 * Cuts the receptive field of cell (row, col) out of an `h × w × channels` image (channels last, as the
 * model reads it), zeros outside the image (where the padding was). Returns `size × size × channels`
 * values, channels last: a colour picture's patch keeps its three colours. Pure.
 */
export function cutPatch(
  pixels: ArrayLike<number>,
  h: number,
  w: number,
  field: ReceptiveField,
  row: number,
  col: number,
  channels = 1,
): Float32Array {
  const out = new Float32Array(field.size * field.size * channels);
  const top = row * field.jump + field.offset;
  const left = col * field.jump + field.offset;
  for (let y = 0; y < field.size; y++) {
    for (let x = 0; x < field.size; x++) {
      const iy = top + y;
      const ix = left + x;
      if (iy < 0 || ix < 0 || iy >= h || ix >= w) continue;
      for (let k = 0; k < channels; k++)
        out[(y * field.size + x) * channels + k] = pixels[(iy * w + ix) * channels + k] ?? 0;
    }
  }
  return out;
}

/** Inserts `p` into `list` (kept sorted, strongest first, at most `k`). */
function keepTop(list: TopPatch[], p: TopPatch, k: number): void {
  if (list.length === k && p.value <= (list[k - 1] as TopPatch).value) return;
  let i = list.length;
  while (i > 0 && (list[i - 1] as TopPatch).value < p.value) i--;
  list.splice(i, 0, p);
  if (list.length > k) list.pop();
}

/**
 * The top `k` patches of every filter of every conv layer over `count` images. `imageAt(i, out)`
 * writes image i (h·w·c values in the model's input range) into `out`. One forward pass per batch
 * gives every conv layer at once; per image and filter only the maximum and its position are read
 * back. Progress after each batch; an aborted signal stops between batches. Returns plain arrays;
 * every tensor is freed (the probe model shares the network's weights and owns none).
 */
export async function computeTopPatches(
  net: Network,
  count: number,
  imageAt: (index: number, out: Float32Array) => void,
  opts: {
    k?: number;
    batchSize?: number;
    onProgress?: (done: number, total: number) => void;
    signal?: AbortSignal;
  } = {},
): Promise<LayerTopPatches[]> {
  const k = opts.k ?? 9;
  const convs = net.convLayers;
  if (convs.length === 0) return [];
  const input = net.model.inputs[0];
  if (!input) throw new RangeError('the model has no input');
  const probe = tfl.model({
    inputs: input,
    outputs: convs.map((c) => net.layers[c.index]?.output as tfl.SymbolicTensor),
  });
  const result: LayerTopPatches[] = convs.map((c) => ({
    layer: c.name,
    field: receptiveField(net, c.index),
    filters: Array.from({ length: c.filters }, () => []),
  }));
  await forEachImageBatch(
    net.inputShape,
    count,
    imageAt,
    { ...opts, batchSize: opts.batchSize ?? 256 },
    (x, n) => {
      const raw = probe.predict(x);
      const outs = Array.isArray(raw) ? raw : [raw];
      // Per layer [n, filters] maxima and positions, all layers concatenated: one read-back per batch.
      const parts = outs.flatMap((o, li) => {
        const c = convs[li] as (typeof convs)[number];
        const flat = tf.reshape(o, [n, c.outH * c.outW, c.filters]);
        return [tf.reshape(tf.max(flat, 1), [-1]), tf.reshape(tf.cast(tf.argMax(flat, 1), 'float32'), [-1])];
      });
      return tf.concat(parts);
    },
    (values, start, n) => {
      let at = 0;
      convs.forEach((c, li) => {
        const maxima = values.subarray(at, at + n * c.filters);
        const where = values.subarray(at + n * c.filters, at + 2 * n * c.filters);
        at += 2 * n * c.filters;
        const lists = (result[li] as LayerTopPatches).filters;
        for (let b = 0; b < n; b++) {
          for (let f = 0; f < c.filters; f++) {
            const pos = where[b * c.filters + f] as number;
            keepTop(
              lists[f] as TopPatch[],
              {
                image: start + b,
                row: Math.floor(pos / c.outW),
                col: pos % c.outW,
                value: maxima[b * c.filters + f] as number,
              },
              k,
            );
          }
        }
      });
    },
  );
  return result;
}
