/**
 * The `count` channels of an [h, w, c] map stack (channels last, as tfjs returns them) that respond most
 * to this image (largest sum of positive values), in channel order, each as its own h×w array. The home
 * page shows those: a map that stays blank for this digit teaches nothing at a glance.
 */
export function strongestChannels(
  data: Float32Array,
  shape: readonly number[],
  count: number,
): { channel: number; values: Float32Array }[] {
  const [h = 0, w = 0, c = 0] = shape;
  const energy = new Float64Array(c);
  for (let i = 0; i < h * w; i++) for (let k = 0; k < c; k++) energy[k]! += Math.max(0, data[i * c + k] ?? 0);
  const order = Array.from({ length: c }, (_, k) => k)
    .sort((a, b) => energy[b]! - energy[a]! || a - b)
    .slice(0, count)
    .sort((a, b) => a - b);
  return order.map((channel) => ({ channel, values: channelOf(data, shape, channel) }));
}

/** Channel `k` of an [h, w, c] stack as an h×w row-major array. */
export function channelOf(data: Float32Array, shape: readonly number[], k: number): Float32Array {
  const [h = 0, w = 0, c = 0] = shape;
  const out = new Float32Array(h * w);
  for (let i = 0; i < h * w; i++) out[i] = data[i * c + k] ?? 0;
  return out;
}
