import { describe, expect, it } from 'vitest';
import { formatHash, parseHash } from '../../../src/state/hashRoute';

describe('hash routes', () => {
  it('parses the area and its query', () => {
    const r = parseHash('#/train?epochs=3&seed=7');
    expect(r.area).toBe('train');
    expect(r.params.get('epochs')).toBe('3');
    expect(r.params.get('seed')).toBe('7');
  });

  it('falls back to the convolution area for empty or unknown hashes', () => {
    expect(parseHash('').area).toBe('convolution');
    expect(parseHash('#/nowhere?x=1').area).toBe('convolution');
  });

  it('round-trips a state through the URL', () => {
    const hash = formatHash('pooling', { pool: 'max', size: '2' });
    expect(hash).toBe('#/pooling?pool=max&size=2');
    const back = parseHash(hash);
    expect(back.area).toBe('pooling');
    expect(Object.fromEntries(back.params)).toEqual({ pool: 'max', size: '2' });
  });
});
