import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from '../support/browser';
import { downloadCsvRows, num, openExplorer, testPixel as pixel } from '../support/explorers';
import { pngHeader } from '../support/pngHeader';

// Independent reference: the MNIST test bytes read straight from the npm package, maths done here.
const KERNEL = [1, 0, -1, 1, 0, -1, 1, 0, -1];

/** Valid 3×3 convolution of test digit `d`, stride 1, bias 0, ReLU: 26×26 rows. */
function reference(d: number): number[][] {
  const rows: number[][] = [];
  for (let oy = 0; oy < 26; oy++) {
    const row: number[] = [];
    for (let ox = 0; ox < 26; ox++) {
      let s = 0;
      for (let ky = 0; ky < 3; ky++)
        for (let kx = 0; kx < 3; kx++) s += pixel(d, oy + ky, ox + kx) * (KERNEL[ky * 3 + kx] ?? 0);
      row.push(Math.max(0, s));
    }
    rows.push(row);
  }
  return rows;
}
const REF = reference(0);
const CONTRACT =
  '#/convolution?image=mnist-test:0&kernel=1,0,-1,1,0,-1,1,0,-1&stride=1&padding=0&dilation=1&bias=0&activation=relu';

const browser = useBrowser();

async function mathsAt(page: Page) {
  return {
    sum: num(await page.getByTestId('maths-sum').textContent()),
    out: num(await page.getByTestId('maths-out').textContent()),
    pos: (await page.getByTestId('player-position').textContent()) ?? '',
  };
}

describe('convolution explorer', () => {
  it('opens a contract URL, steps with the keyboard, and the maths panel matches values computed from the MNIST bytes', async () => {
    const w = await openExplorer(browser(), `${CONTRACT}&step=5`, 'maths-sum');
    const { page } = w;
    let m = await mathsAt(page);
    expect(m.pos).toMatch(/^6 \/ 676 · output row 0, col 5/);
    expect(m.out).toBeCloseTo(REF[0]![5]!, 3);

    // The strongest response of this kernel on digit 0, found independently, then reached by link and keys.
    let best = 0;
    REF.flat().forEach((v, i, all) => v > (all[best] ?? 0) && (best = i));
    const bestStep = best;
    await page.evaluate(
      (s) => (window.location.hash = window.location.hash.replace(/step=\d+/, `step=${s - 2}`)),
      bestStep,
    );
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await mathsAt(page)).pos).toMatch(new RegExp(`^${bestStep + 1} / 676`));
    m = await mathsAt(page);
    const [oy, ox] = [Math.floor(bestStep / 26), bestStep % 26];
    let sum = 0;
    for (let ky = 0; ky < 3; ky++)
      for (let kx = 0; kx < 3; kx++) sum += pixel(0, oy + ky, ox + kx) * (KERNEL[ky * 3 + kx] ?? 0);
    expect(m.sum).toBeCloseTo(sum, 3);
    expect(m.out).toBeCloseTo(Math.max(0, sum), 3);
    expect(sum).toBeGreaterThan(1);
    // Top-left product: input pixel × weight 1.
    expect(await page.getByTestId('product-0-0').textContent()).toContain(
      String(Number(pixel(0, oy, ox).toFixed(2))),
    );

    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => (await mathsAt(page)).pos).toMatch(new RegExp(`^${bestStep} / 676`));
    await page.keyboard.press('End');
    await expect.poll(async () => (await mathsAt(page)).pos).toMatch(/^676 \/ 676/);
    await page.keyboard.press('Home');
    await expect.poll(async () => (await mathsAt(page)).pos).toMatch(/^1 \/ 676/);
    expect(page.url()).toContain('step=0');
    await page.keyboard.press(' ');
    await expect.poll(() => page.getByTestId('play').textContent()).toMatch(/Pause/);
    await page.keyboard.press(' ');
    await expect.poll(() => page.getByTestId('play').textContent()).toMatch(/Play/);

    // Download CSV: full precision, one row per map row, equal to the reference.
    const csv = await downloadCsvRows(page, 'conv-output-csv');
    expect(csv).toHaveLength(26);
    csv.forEach((line, r) => {
      const values = line.split(',').map(Number);
      expect(values).toHaveLength(26);
      values.forEach((v, c) => expect(Math.abs(v - REF[r]![c]!)).toBeLessThan(1e-5));
    });
    expect(w.errors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
    await w.context.close();
  });

  it('shows the output-size formula, and refuses empty outputs and bad link values with a message, keeping the state', async () => {
    const w = await openExplorer(
      browser(),
      `${CONTRACT.replace('stride=1', 'stride=2')}&step=0`,
      'maths-sum',
    );
    const { page } = w;
    await expect
      .poll(() => page.getByTestId('output-formula').textContent())
      .toContain('⌊(28 + 2·0 − 1·(3−1) − 1) / 2⌋ + 1 = 13');
    // A malformed and an out-of-range value: message, previous values kept (still 13×13).
    await page.evaluate(
      () =>
        (window.location.hash = window.location.hash
          .replace('stride=2', 'stride=9')
          .replace(/kernel=[^&]*/, 'kernel=1,x')),
    );
    await expect
      .poll(() => page.getByTestId('conv-message').textContent())
      .toMatch(/stride must be from 1 to 4/);
    expect(await page.getByTestId('conv-message').textContent()).toMatch(/kernel number 2 is "x"/);
    expect(await page.getByTestId('conv-output').textContent()).toContain('13×13');
    // A change that leaves no room for the window is refused with the reason.
    await page.evaluate(
      () =>
        (window.location.hash =
          '#/convolution?image=pattern:square:7&kernel=' +
          new Array(25).fill(1).join(',') +
          '&stride=1&padding=0&dilation=1'),
    );
    await page.getByLabel('dilation').selectOption('2');
    await expect
      .poll(() => page.getByTestId('conv-message').textContent())
      .toMatch(
        /Not changed: The window is 9 cells tall \(kernel 5 spread out by dilation 2\), but the input is only 7 cells tall/,
      );
    expect(page.url()).toContain('dilation=1');
    expect(w.errors).toEqual([]);
    await w.context.close();
  });

  it('rejects a non-image, a huge image and a corrupt image upload with a message and keeps the digit', async () => {
    const w = await openExplorer(browser(), `${CONTRACT}&step=0`, 'maths-sum');
    const { page } = w;
    const upload = page.getByTestId('upload');
    await upload.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await expect
      .poll(() => page.getByTestId('conv-message').textContent())
      .toMatch(/notes.txt" is not a picture/);
    await upload.setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: pngHeader(20000, 20000) });
    await expect
      .poll(() => page.getByTestId('conv-message').textContent())
      .toMatch(/20,000 × 20,000 pixels, too large/);
    await upload.setInputFiles({ name: 'broken.png', mimeType: 'image/png', buffer: pngHeader(40, 30) });
    await expect.poll(() => page.getByTestId('conv-message').textContent()).toMatch(/could not be decoded/);
    expect(await page.getByTestId('conv-input').textContent()).toContain('MNIST test digit #0');
    expect(page.url()).toContain('image=mnist-test:0');
    expect(w.errors).toEqual([]);
    await w.context.close();
  });

  it('fits 1366×768, 1280×720 and 1024×768 without horizontal scrolling, input/kernel/output (and maths) on screen', async () => {
    for (const viewport of [
      { width: 1366, height: 768 },
      { width: 1280, height: 720 },
      { width: 1024, height: 768 },
    ]) {
      const w = await openExplorer(browser(), `${CONTRACT}&step=40`, 'maths-sum', { viewport });
      const { page } = w;
      expect(
        await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        ),
      ).toBeLessThanOrEqual(0);
      // On a landscape tablet the maths goes below; the picture, kernel and map share the first row.
      const ids = ['conv-input', 'conv-kernel', 'conv-output'];
      if (viewport.width > 1024) ids.push('conv-maths');
      const tops: number[] = [];
      for (const id of ids) {
        const box = await page.getByTestId(id).boundingBox();
        expect(box, id).not.toBeNull();
        expect(box!.y, `${id} starts on screen`).toBeLessThan(viewport.height - 200);
        tops.push(box!.y);
      }
      expect(Math.max(...tops) - Math.min(...tops), 'one row').toBeLessThan(2);
      await page.screenshot({ path: `/tmp/conv-${viewport.width}.png` });
      await w.context.close();
    }
  });

  it('on a 390 px touch phone folds its settings behind one button, so the picture is on the first screen; opening it and choosing stride 2 works', async () => {
    const viewport = { width: 390, height: 844 };
    const w = await openExplorer(browser(), `${CONTRACT}&step=0`, 'conv-input', { viewport, touch: true });
    const { page } = w;
    const fold = page.getByRole('button', { name: /Change the settings/ });
    expect(await fold.textContent()).toMatch(/3×3 · ReLU · stride 1, padding 0/);
    expect(await fold.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByLabel('stride').isVisible()).toBe(false);
    const input = await page.getByTestId('conv-input').boundingBox();
    expect(input!.y, 'the input picture starts in the first half of the screen').toBeLessThan(
      viewport.height / 2,
    );

    await fold.tap();
    await page.getByLabel('stride').selectOption('2');
    await expect.poll(() => page.getByTestId('player-position').textContent()).toMatch(/\/ 169\b/);
    expect(await page.getByRole('button', { name: /Hide the settings/ }).textContent()).toMatch(/stride 2/);
    expect(page.url()).toContain('stride=2');
    expect(w.errors).toEqual([]);
    await w.context.close();
  });

  it('filters=16: clicking filter 6 (Sobel x) makes it the sliding filter, kept in the URL; a reload restores it', async () => {
    const w = await openExplorer(browser(), `${CONTRACT}&step=0&filters=16`, 'maths-sum');
    const { page } = w;
    const maps = page.getByTestId('filter-bank-maps');
    // Every map of the current output has been drawn.
    await expect
      .poll(
        async () => (await maps.getAttribute('data-painted')) === (await maps.getAttribute('data-version')),
      )
      .toBe(true);
    expect(await page.getByTestId('bank-0').getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('bank-5').click();
    await expect.poll(() => page.getByTestId('conv-kernel').textContent()).toContain('Kernel of filter 6');
    const url = decodeURIComponent(page.url());
    expect(url).toContain('kernel=-1,0,1,-2,0,2,-1,0,1');
    const filters = new URLSearchParams(url.split('?')[1]).get('filters')?.split(',') ?? [];
    expect(filters).toHaveLength(16);
    expect(filters[0]).toBe('1_0_-1_1_0_-1_1_0_-1');
    expect(filters[5]).toBe('kernel');
    expect(await page.getByTestId('bank-5').getAttribute('aria-pressed')).toBe('true');
    // The maths panel now multiplies by Sobel x: top-left weight −1 (digit 0 is blank there: 0×−1).
    expect(await page.getByTestId('product-0-0').textContent()).toMatch(/×−1/);

    // Editing the selected filter changes only kernel=, the selection stays.
    const cell = page.getByTestId('kcell-4');
    await cell.fill('3');
    await cell.press('Enter');
    await expect.poll(() => decodeURIComponent(page.url())).toContain('kernel=-1,0,1,-2,3,2,-1,0,1');
    expect(await page.getByTestId('bank-5').getAttribute('aria-pressed')).toBe('true');

    await page.reload();
    await page.getByTestId('maths-sum').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('bank-5').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('bank-0').textContent()).toContain('custom');
    // Back to filter 1: the original kernel returns to the sliding view.
    await page.getByTestId('bank-0').click();
    await expect.poll(() => decodeURIComponent(page.url())).toContain('kernel=1,0,-1,1,0,-1,1,0,-1');
    expect(w.errors).toEqual([]);
    await w.context.close();
  });
});
