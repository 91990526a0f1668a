/**
 * Principal component analysis, just enough of it to shrink 784 pixels to ~50 numbers before UMAP.
 *
 * Why: UMAP's neighbour search spends its time measuring distances, and a distance over 50 numbers
 * costs 16× less than one over 784. The top principal directions keep most of the spread of the data,
 * so near neighbours stay near (the umap-learn docs recommend this step for MNIST-sized inputs).
 *
 * How (subspace iteration, Golub & Van Loan §8.2.4): with `X` the centred data `[n, d]`, start from a
 * seeded random orthonormal `V` `[d, k]` and repeat `V ← orth(Xᵀ(X·V))`. Each round multiplies the
 * spread along the i-th principal direction by its eigenvalue `λᵢ`, so `V` turns towards the `k` largest.
 * The result `X·V` holds each point's coordinates in that subspace. Distances do not depend on how the
 * basis is rotated inside the subspace, so no final small SVD is needed for UMAP's purposes.
 *
 * Pure JavaScript on typed arrays (no tensors): it runs in the map's Web Worker.
 */
import { mulberry32 } from '../data/random';

/** Standard normal numbers from a uniform generator (Box–Muller). */
function gaussian(rng: () => number): number {
  const u = Math.max(rng(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** Makes the `k` columns of `v` (`[d, k]`, row-major) orthonormal in place (modified Gram–Schmidt). */
function orthonormalise(v: Float64Array, d: number, k: number): void {
  for (let j = 0; j < k; j++) {
    for (let p = 0; p < j; p++) {
      let dot = 0;
      for (let i = 0; i < d; i++) dot += (v[i * k + j] as number) * (v[i * k + p] as number);
      for (let i = 0; i < d; i++) v[i * k + j] = (v[i * k + j] as number) - dot * (v[i * k + p] as number);
    }
    let norm = 0;
    for (let i = 0; i < d; i++) norm += (v[i * k + j] as number) ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < d; i++) v[i * k + j] = (v[i * k + j] as number) / norm;
  }
}

/**
 * `out[r] = (x[r] − mean) · v` for the rows `rows` of `x` (`[·, d]`), `v` `[d, k]`. The mean is taken
 * off afterwards (`x·v − mean·v`) so the zeros of the raw rows (most of an MNIST digit) are skipped.
 */
function project(
  x: Float32Array,
  rows: Int32Array,
  meanV: Float64Array,
  v: Float64Array,
  d: number,
  k: number,
  out: Float64Array,
): void {
  for (let q = 0; q < rows.length; q++) {
    const base = (rows[q] as number) * d;
    const o = q * k;
    for (let j = 0; j < k; j++) out[o + j] = -(meanV[j] as number);
    for (let i = 0; i < d; i++) {
      const xi = x[base + i] as number;
      if (xi === 0) continue;
      const vi = i * k;
      for (let j = 0; j < k; j++) out[o + j] = (out[o + j] as number) + xi * (v[vi + j] as number);
    }
  }
}

/** `meanV = mean · v` (`[k]`). */
function meanTimes(mean: Float64Array, v: Float64Array, d: number, k: number): Float64Array {
  const out = new Float64Array(k);
  for (let i = 0; i < d; i++)
    for (let j = 0; j < k; j++) out[j] = (out[j] as number) + (mean[i] as number) * (v[i * k + j] as number);
  return out;
}

/**
 * The data's coordinates along (an orthonormal basis of) its top `k` principal directions.
 * `data` is `[n, d]` row-major. Returns a new `Float32Array` `[n, k]`; when `d ≤ k` a copy of the data.
 * Deterministic for a given `seed`. `iterations` rounds of subspace iteration (4 is plenty for images)
 * on `sampleSize` evenly spread rows (default 3,000).
 */
export function pcaProject(
  data: Float32Array,
  n: number,
  d: number,
  k: number,
  opts: { seed?: number; iterations?: number; sampleSize?: number } = {},
): Float32Array {
  if (data.length !== n * d) throw new RangeError(`pcaProject: ${data.length} values are not ${n}×${d}`);
  if (d <= k) return data.slice();
  const mean = new Float64Array(d);
  for (let r = 0; r < n; r++)
    for (let i = 0; i < d; i++) mean[i] = (mean[i] as number) + (data[r * d + i] as number);
  for (let i = 0; i < d; i++) mean[i] = (mean[i] as number) / Math.max(1, n);
  const rng = mulberry32(opts.seed ?? 1);
  const v = new Float64Array(d * k);
  for (let i = 0; i < v.length; i++) v[i] = gaussian(rng);
  orthonormalise(v, d, k);
  // The directions are found on a seeded sample of at most `sampleSize` rows (the covariance of a few
  // thousand digits is already close to that of all of them), then every row is projected once.
  const sample = Math.min(n, opts.sampleSize ?? 3000);
  const picked = new Int32Array(sample);
  for (let q = 0; q < sample; q++) picked[q] = Math.floor((q * n) / sample);
  const xv = new Float64Array(sample * k);
  for (let it = 0; it < (opts.iterations ?? 4); it++) {
    project(data, picked, meanTimes(mean, v, d, k), v, d, k, xv);
    // v ← Xcᵀ·(Xc·v) = Xᵀ·xv − mean ⊗ Σ_r xv_r, again skipping zero pixels.
    v.fill(0);
    const colSum = new Float64Array(k);
    for (let q = 0; q < sample; q++) {
      const base = (picked[q] as number) * d;
      const o = q * k;
      for (let j = 0; j < k; j++) colSum[j] = (colSum[j] as number) + (xv[o + j] as number);
      for (let i = 0; i < d; i++) {
        const xi = data[base + i] as number;
        if (xi === 0) continue;
        const vi = i * k;
        for (let j = 0; j < k; j++) v[vi + j] = (v[vi + j] as number) + xi * (xv[o + j] as number);
      }
    }
    for (let i = 0; i < d; i++) {
      const mi = mean[i] as number;
      for (let j = 0; j < k; j++) v[i * k + j] = (v[i * k + j] as number) - mi * (colSum[j] as number);
    }
    orthonormalise(v, d, k);
  }
  const all = new Int32Array(n);
  for (let r = 0; r < n; r++) all[r] = r;
  const out = new Float64Array(n * k);
  project(data, all, meanTimes(mean, v, d, k), v, d, k, out);
  return Float32Array.from(out);
}
