import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(path, 'utf8');
/** A PNG's width and height from its IHDR chunk. */
function pngSize(path: string): [number, number] {
  const b = readFileSync(path);
  expect([...b.subarray(1, 4)], path).toEqual([0x50, 0x4e, 0x47]); // "PNG"
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}
const shell = (): string[] =>
  [...(/const SHELL = \[([\s\S]*?)\];/.exec(read('public/sw.js'))?.[1] ?? '').matchAll(/'([^']+)'/g)].map(
    (m) => m[1] ?? '',
  );

describe('the app’s icons', () => {
  it('the tab’s icon is a small PNG, not an SVG (Chromium fetches it again after every address change and parses an SVG as a whole document on the page’s main thread)', () => {
    const link = /<link rel="icon"([^>]*)>/.exec(read('index.html'))?.[1] ?? '';
    expect(link).toMatch(/type="image\/png"/);
    const href = /href="\.\/([^"]+)"/.exec(link)?.[1] ?? '';
    const sizes = /sizes="(\d+)x(\d+)"/.exec(link);
    expect(href).toMatch(/\.png$/);
    const [w, h] = pngSize(`public/${href}`);
    expect([w, h]).toEqual([Number(sizes?.[1]), Number(sizes?.[2])]);
    expect(w).toBeLessThanOrEqual(48);
  });

  it('the service worker precaches the tab’s icon and every manifest icon, and nothing that is not there', () => {
    const list = shell();
    const tab = /<link rel="icon"[^>]*href="\.\/([^"]+)"/.exec(read('index.html'))?.[1] ?? '';
    const manifest = JSON.parse(read('public/manifest.webmanifest')) as { icons: { src: string }[] };
    expect(list).toEqual(expect.arrayContaining([tab, ...manifest.icons.map((i) => i.src)]));
    for (const path of list.filter((p) => p !== './' && p !== 'index.html'))
      expect(existsSync(`public/${path}`), path).toBe(true);
  });
});
