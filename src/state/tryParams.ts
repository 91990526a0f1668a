/**
 * The link keys of "Try it" (`#/draw?dataset=<id>&pick=<i>`): which dataset's model to try, and which
 * of its test pictures is shown. Read with the strict link readers (src/state/linkValues.ts): a refused
 * value is named back and the previous one is kept. Without `dataset` (or with `dataset=mnist`) the page
 * is Draw as it always was. Pure: unit-tested in tests/unit/state/tryParams.test.ts.
 */
import type { DatasetInfo } from '../engine/data/datasets';
import { parseDatasetParam } from './datasetParam';
import { linkProblem, readNumber } from './linkValues';

export type TryParams = {
  /** The dataset to try; 'mnist' means the classic Draw page. null: the stored list is still being read. */
  dataset: string | null;
  /** The test picture shown (0-based), or null for none. */
  pick: number | null;
  errors: string[];
};

/**
 * Reads `dataset` and `pick`. `stored` lists the datasets kept in this browser (null while being read);
 * `testCount` is the size of that dataset's test split (null while unknown: `pick` is then only
 * checked to be a whole number, and checked again once the count is known).
 */
export function readTryParams(
  params: URLSearchParams,
  previous: { dataset: string; pick: number | null },
  stored: readonly Pick<DatasetInfo, 'id'>[] | null,
  testCount: number | null,
): TryParams {
  const errors: string[] = [];
  const ds = parseDatasetParam(params.get('dataset'), previous.dataset, stored);
  if (ds.error) errors.push(ds.error);
  let pick: number | null = null;
  const raw = params.get('pick');
  if (raw !== null) {
    const hi = testCount === null ? Number.MAX_SAFE_INTEGER : Math.max(0, testCount - 1);
    const read = readNumber('pick', raw, 0, hi, true);
    if (read.ok) pick = read.value;
    else {
      pick = previous.pick;
      errors.push(linkProblem(read.why, previous.pick ?? '—'));
    }
  }
  return { dataset: ds.dataset, pick, errors };
}

/** The link of "Try it" for `dataset` (and a test picture). */
export function tryLink(dataset: string, pick: number | null = null): string {
  const p = new URLSearchParams({ dataset });
  if (pick !== null) p.set('pick', String(pick));
  return `#/draw?${p.toString()}`;
}
