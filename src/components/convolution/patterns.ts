import type { MapStack } from '../../engine';
import { t } from '../../i18n';
import type { PatternName } from '../../state/convParams';

/** A pattern's name for people, in the current language: "Horizontal lines". */
export function patternLabel(name: PatternName): string {
  return t(`conv.patterns.${name}`);
}

/** Synthetic test images, n×n grey in [0, 1], shaped so each classic filter has something to find. */
export function patternImage(name: PatternName, n: number): MapStack {
  const data = new Float32Array(n * n);
  const band = Math.max(1, Math.round(n / 7));
  const lo = Math.round(n / 4);
  const hi = n - 1 - lo;
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++) {
      let v = 0;
      switch (name) {
        case 'hlines':
          v = Math.floor(r / band) % 2 === 1 ? 1 : 0;
          break;
        case 'vlines':
          v = Math.floor(c / band) % 2 === 1 ? 1 : 0;
          break;
        case 'diagonal':
          v = Math.abs(r - c) < band ? 1 : 0;
          break;
        case 'checker':
          v = (Math.floor(r / (2 * band)) + Math.floor(c / (2 * band))) % 2;
          break;
        case 'gradient':
          v = n > 1 ? c / (n - 1) : 1;
          break;
        case 'square':
          v = r >= lo && r <= hi && c >= lo && c <= hi ? 1 : 0;
          break;
        case 'cross':
          v = Math.abs(r - (n - 1) / 2) < band || Math.abs(c - (n - 1) / 2) < band ? 1 : 0;
          break;
      }
      data[r * n + c] = v;
    }
  return { data, shape: [n, n, 1] };
}
