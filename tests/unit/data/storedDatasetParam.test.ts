import { describe, expect, it } from 'vitest';
import { parseDatasetParam } from '../../../src/state/datasetParam';

describe('parseDatasetParam with datasets kept in this browser', () => {
  it('takes a stored name, waits (null) while the list is read, and names the known ones otherwise', () => {
    const stored = [{ id: 'shapes' }];
    expect(parseDatasetParam('shapes', 'mnist', stored)).toEqual({ dataset: 'shapes', error: null });
    expect(parseDatasetParam('shapes', 'mnist', null)).toEqual({ dataset: null, error: null });
    // Built-in names never wait for the list.
    expect(parseDatasetParam('fashion-mnist', 'mnist', null)).toEqual({
      dataset: 'fashion-mnist',
      error: null,
    });
    const bad = parseDatasetParam('shapez', 'shapes', stored);
    expect(bad.dataset).toBe('shapes');
    expect(bad.error).toMatch(
      /dataset="shapez" is not one of mnist, fashion-mnist, shapes\. Kept the previous value, shapes\./,
    );
  });
});
