/**
 * How many epochs Train runs when the link does not say: enough passes that the network takes a
 * useful number of learning steps whatever the dataset's size. MNIST's 60,000 digits give 938 steps
 * of 64 in one pass, so its 2 epochs (1,876 steps) stay; a class's own set of 240 training pictures
 * gives 4 steps a pass, and 2 passes (8 steps) leave the network guessing. Pure.
 */

/** Learning steps a default run aims for at least (LeNet on a small shapes set learns it in ~300). */
export const TARGET_STEPS = 300;
/** Never fewer than MNIST's 2, never more than the epochs setting allows. */
export const EPOCHS_RANGE: readonly [number, number] = [2, 50];

/**
 * The default epochs for `trainCount` pictures to learn from in batches of `batchSize`: the fewest
 * passes that reach TARGET_STEPS steps, within EPOCHS_RANGE (the top of the range wins for a tiny set).
 */
export function defaultEpochs(trainCount: number, batchSize: number): number {
  const [lo, hi] = EPOCHS_RANGE;
  if (!(trainCount > 0) || !(batchSize > 0)) return lo;
  const stepsPerEpoch = Math.ceil(trainCount / batchSize);
  return Math.min(hi, Math.max(lo, Math.ceil(TARGET_STEPS / stepsPerEpoch)));
}
