import { describe, expect, it } from 'vitest';
import { formatHash, parseHash } from '../../../src/state/hashRoute';

describe('hash routes', () => {
  it('parses the area and its query', () => {
    const r = parseHash('#/train?epochs=3&seed=7');
    expect(r.area).toBe('train');
    expect(r.params.get('epochs')).toBe('3');
    expect(r.params.get('seed')).toBe('7');
  });

  it('falls back to the home page for empty or unknown hashes', () => {
    expect(parseHash('').area).toBe('home');
    expect(parseHash('#/').area).toBe('home');
    expect(parseHash('#/nowhere?x=1').area).toBe('home');
  });

  it('keeps every area a link', () => {
    for (const area of ['home', 'learn', 'convolution', 'pooling', 'train', 'draw'] as const)
      expect(parseHash(`#/${area}?present=1`).area).toBe(area);
  });

  it('round-trips a state through the URL', () => {
    const hash = formatHash('pooling', { pool: 'max', size: '2' });
    expect(hash).toBe('#/pooling?pool=max&size=2');
    const back = parseHash(hash);
    expect(back.area).toBe('pooling');
    expect(Object.fromEntries(back.params)).toEqual({ pool: 'max', size: '2' });
  });
});
