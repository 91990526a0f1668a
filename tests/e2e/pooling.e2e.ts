import { describe, expect, it } from 'vitest';
import { useBrowser } from '../support/browser';
import { downloadCsvRows, num, openExplorer, testPixel as pixel } from '../support/explorers';

const browser = useBrowser();

describe('pooling explorer', () => {
  it('pools the image itself (no kernel): max and avg at a step match the MNIST bytes, CSV too', async () => {
    // Output cell (row 10, col 7) of a 2×2 stride-2 pool on 28×28 → 14×14: step 147.
    const w = await openExplorer(
      browser(),
      '#/pooling?image=mnist-test:0&pool=max&size=2&poolStride=2&step=147',
      'pool-max',
    );
    const { page } = w;
    const cells = [pixel(0, 20, 14), pixel(0, 20, 15), pixel(0, 21, 14), pixel(0, 21, 15)];
    expect(num(await page.getByTestId('pool-max').textContent())).toBeCloseTo(Math.max(...cells), 3);
    expect(num(await page.getByTestId('pool-sum').textContent())).toBeCloseTo(
      cells.reduce((a, b) => a + b),
      3,
    );
    expect(num(await page.getByTestId('pool-avg').textContent())).toBeCloseTo(
      cells.reduce((a, b) => a + b) / 4,
      3,
    );
    expect(await page.getByTestId('pool-maths').textContent()).toContain('★');
    expect(await page.getByTestId('player-position').textContent()).toMatch(
      /^148 \/ 196 · output row 10, col 7/,
    );

    await page.locator('body').click({ position: { x: 5, y: 400 } });
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('player-position').textContent()).toMatch(/^149 \/ 196/);

    const rows = await downloadCsvRows(page, 'pool-max-map-csv');
    expect(rows).toHaveLength(14);
    rows.forEach((line, r) =>
      line.split(',').forEach((v, c) => {
        const m = Math.max(
          pixel(0, 2 * r, 2 * c),
          pixel(0, 2 * r, 2 * c + 1),
          pixel(0, 2 * r + 1, 2 * c),
          pixel(0, 2 * r + 1, 2 * c + 1),
        );
        expect(Math.abs(Number(v) - m)).toBeLessThan(1e-6);
      }),
    );
    // The stride-2 convolution comparison spells out the shapes.
    expect(await page.getByTestId('pool-compare').textContent()).toMatch(/28×28 → 13×13/);
    expect(w.errors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
    await w.context.close();
  });

  it('pools an activation map when the link has a kernel, and rejects bad pooling params keeping the state', async () => {
    const w = await openExplorer(
      browser(),
      '#/pooling?image=mnist-test:0&kernel=1,0,-1,1,0,-1,1,0,-1&activation=relu&pool=avg&size=2&poolStride=2&step=0',
      'pool-max',
    );
    const { page } = w;
    expect(await page.getByTestId('pool-input').textContent()).toContain('26×26');
    expect(await page.getByTestId('pool-max-map').textContent()).toContain('13×13');
    await page.evaluate(
      () =>
        (window.location.hash = window.location.hash
          .replace('size=2', 'size=9')
          .replace('pool=avg', 'pool=min')),
    );
    await expect
      .poll(() => page.getByTestId('conv-message').textContent())
      .toMatch(/pool size must be from 2 to 4/);
    expect(await page.getByTestId('conv-message').textContent()).toMatch(/pool must be max or avg/);
    expect(await page.getByTestId('pool-max-map').textContent()).toContain('13×13');
    await page.screenshot({ path: '/tmp/pool-1366.png', fullPage: true });
    expect(w.errors).toEqual([]);
    await w.context.close();
  });

  it('pools every channel of an RGB image (custom 8×8×3), follows the green one, CSV of the followed channel', async () => {
    // Planar values: red = column/7, green = a checkerboard, blue = row/7.
    const red: number[] = [];
    const green: number[] = [];
    const blue: number[] = [];
    for (let y = 0; y < 8; y++)
      for (let x = 0; x < 8; x++) {
        red.push(Number((x / 7).toFixed(2)));
        green.push((x + y) % 2);
        blue.push(Number((y / 7).toFixed(2)));
      }
    const image = `custom:8x8x3:${[...red, ...green, ...blue].join(',')}`;
    const w = await openExplorer(
      browser(),
      `#/pooling?image=${image}&pool=max&size=2&poolStride=2&step=5&channel=1`,
      'pool-max',
    );
    const { page } = w;
    expect(await page.getByTestId('pool-channels').textContent()).toContain('8×8×3 → 4×4×3');
    // Green checkerboard: every 2×2 window has max 1 and average 0.5.
    expect(num(await page.getByTestId('pool-max').textContent())).toBe(1);
    expect(num(await page.getByTestId('pool-avg').textContent())).toBe(0.5);
    // The red channel at output (1, 1): columns 2 and 3 → max 3/7.
    await page.getByLabel('Channel to follow').selectOption('0');
    await expect.poll(async () => num(await page.getByTestId('pool-max').textContent())).toBeCloseTo(0.43, 2);
    expect(page.url()).not.toContain('channel='); // 0 is the default, left out of the link
    const rows = await downloadCsvRows(page, 'pool-max-map-csv');
    expect(rows).toHaveLength(4);
    rows.forEach((line) =>
      line
        .split(',')
        .forEach((v, c) => expect(Number(v)).toBeCloseTo(Number(((2 * c + 1) / 7).toFixed(2)), 5)),
    );
    expect(w.errors).toEqual([]);
    await w.context.close();
  });
});
