/**
 * Seeded randomness, so a seed in the URL reproduces a run (shuffles, augmentation, sample picks).
 */

/**
 * Mulberry32 (Tommy Ettinger, public domain): a 32-bit state generator, fast and good enough for
 * shuffling and augmentation (not for cryptography). Returns a function giving floats in [0, 1).
 * The same seed always gives the same sequence.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number in [0, n) from `rng`. */
export function randomInt(rng: () => number, n: number): number {
  return Math.min(n - 1, Math.floor(rng() * n));
}

/**
 * 0, 1, …, n−1 in a random order (Fisher–Yates: walk down from the end, swapping each slot with a
 * random earlier-or-same slot, so every order is equally likely). Returns a new array the caller owns.
 */
export function shuffledIndices(n: number, rng: () => number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = randomInt(rng, i + 1);
    const tmp = out[i] ?? 0;
    out[i] = out[j] ?? 0;
    out[j] = tmp;
  }
  return out;
}
