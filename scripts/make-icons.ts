/**
 * Writes the installed app's icons (public/icons/*.png) from public/favicon.svg, drawn by the system
 * Chromium (the same renderer as the app; ImageMagick's own SVG renderer drops opacity and adds
 * outlines). The PNGs are committed, so a build needs no browser; run this again after changing the
 * favicon:  npx tsx scripts/make-icons.ts
 * - icon-32.png: the tab's icon (index.html). A PNG, not the SVG: Chromium fetches the page's icon
 *   again after every address change (the explorers write the link on each change) and parses an SVG
 *   icon as a whole document on the page's main thread (12.5 ms CPU a time at 4× throttling, traced);
 *   a 32 px PNG costs next to nothing;
 * - icon-192.png, icon-512.png: the favicon itself (rounded tile on transparency), purpose "any";
 * - icon-maskable-512.png: the tile's grid on a full-bleed background, shrunk into the central 80 %
 *   circle a launcher may crop to (purpose "maskable").
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchBrowser } from '../tests/support/browser';

const root = resolve(import.meta.dirname, '..');
const svg = readFileSync(join(root, 'public/favicon.svg'), 'utf8');
const grid = /<g[\s\S]*<\/g>/.exec(svg)?.[0];
if (!grid) throw new Error('public/favicon.svg has no <g> grid to put on the maskable icon');
const maskable =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="#1d3557"/>' +
  `<g transform="translate(16 16) scale(0.75) translate(-16 -16)">${grid}</g></svg>`;

const outDir = join(root, 'public/icons');
mkdirSync(outDir, { recursive: true });
const browser = await launchBrowser();
try {
  for (const [name, text, size] of [
    ['icon-32.png', svg, 32],
    ['icon-192.png', svg, 192],
    ['icon-512.png', svg, 512],
    ['icon-maskable-512.png', maskable, 512],
  ] as const) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const sized = text.replace('<svg ', `<svg width="${size}" height="${size}" `);
    await page.setContent(`<body style="margin:0;background:transparent">${sized}</body>`);
    writeFileSync(join(outDir, name), await page.screenshot({ omitBackground: true }));
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`icons written to ${outDir}`);
