import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openWatchedPage, type WatchedPage, useBrowser } from '../support/browser';
import { ellipse, ONE, SEVEN, stroke } from '../support/drawing';
import { pngHeader } from '../support/pngHeader';

const browser = useBrowser();

async function openDraw(viewport?: { width: number; height: number }): Promise<WatchedPage> {
  const w = await openWatchedPage(browser(), '#/draw', viewport ? { viewport } : {});
  await w.page
    .getByTestId('draw-model')
    .filter({ hasText: 'pretrained LeNet-5' })
    .waitFor({ timeout: 60_000 });
  return w;
}

const prediction = (page: Page) => page.getByTestId('prediction');

async function expectPrediction(page: Page, digit: string): Promise<void> {
  await expect.poll(() => prediction(page).textContent(), { timeout: 10_000 }).toBe(digit);
}

describe('Draw: live classification with the shipped pretrained LeNet-5', () => {
  it('reads a "1", a "0" and a "7" drawn with the mouse; Clear goes back to "draw a digit"; Undo works', async () => {
    const w = await openDraw();
    const { page } = w;
    expect(await prediction(page).textContent()).toBe('draw a digit');

    await stroke(page, ONE);
    await expectPrediction(page, '1');
    expect(await page.getByTestId('confidence').textContent()).toMatch(/^\d+(\.\d)?%$/);

    await page.getByRole('button', { name: 'Clear' }).click();
    await expect.poll(() => prediction(page).textContent()).toBe('draw a digit');

    await stroke(page, ellipse(140, 140, 70, 100));
    await expectPrediction(page, '0');

    await page.getByRole('button', { name: 'Clear' }).click();
    await stroke(page, SEVEN);
    await expectPrediction(page, '7');
    const confidence7 = await page.getByTestId('confidence').textContent();

    // A bar across the bottom turns it into something else; Undo brings the "7" back exactly.
    await stroke(page, [
      [60, 245],
      [220, 245],
    ]);
    await expect.poll(() => page.getByTestId('confidence').textContent()).not.toBe(confidence7);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expectPrediction(page, '7');
    await expect.poll(() => page.getByTestId('confidence').textContent()).toBe(confidence7);

    // Undo of a Clear brings the drawing back too.
    await page.getByRole('button', { name: 'Clear' }).click();
    await expect.poll(() => prediction(page).textContent()).toBe('draw a digit');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expectPrediction(page, '7');

    // Every layer panel is there, titled with its shape, and the update was timed.
    for (const [id, title] of [
      ['layer-conv1', 'conv1 · 6 maps · 28×28'],
      ['layer-pool1', 'pool1 · 6 maps · 14×14'],
      ['layer-conv2', 'conv2 · 16 maps · 10×10'],
      ['layer-pool2', 'pool2 · 16 maps · 5×5'],
      ['layer-dense1', 'dense1 · 120 numbers'],
      ['layer-dense2', 'dense2 · 84 numbers'],
      ['layer-output', 'output · 10 numbers'],
    ]) {
      expect(await page.getByTestId(id!).locator('h2').textContent()).toBe(title);
    }
    const latencies = await page.evaluate(() => window.__cnnDraw?.latencies ?? []);
    expect(latencies.length).toBeGreaterThanOrEqual(4);
    // Students do not see timings; "About this computer" does.
    expect(await page.getByTestId('draw-latency').count()).toBe(0);
    await page.getByTestId('about-open').click();
    expect(await page.getByTestId('about-latency').textContent()).toMatch(/ms after the stroke ended/);

    expect(w.errors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
    await w.context.close();
  });

  it('refuses a text file, a corrupt PNG and a 20,000×20,000 PNG with a message, keeping the drawing', async () => {
    const w = await openDraw();
    const { page } = w;
    await stroke(page, SEVEN);
    await expectPrediction(page, '7');
    const before = await page.getByTestId('confidence').textContent();
    const input = page.locator('input[type=file]');
    const cases = [
      { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not an image'), msg: /not an image/ },
      { name: 'broken.png', mimeType: 'image/png', buffer: pngHeader(300, 300), msg: /could not be decoded/ },
      {
        name: 'huge.png',
        mimeType: 'image/png',
        buffer: pngHeader(20000, 20000),
        msg: /20,000 × 20,000.*too large/,
      },
    ];
    for (const c of cases) {
      await input.setInputFiles({ name: c.name, mimeType: c.mimeType, buffer: c.buffer });
      const message = page.getByTestId('draw-message');
      await expect.poll(() => message.textContent()).toMatch(c.msg);
      expect(await message.textContent()).toMatch(/Your drawing is unchanged/);
      expect(await message.getAttribute('role')).toBe('alert');
      expect(await prediction(page).textContent()).toBe('7');
      expect(await page.getByTestId('confidence').textContent()).toBe(before);
    }
    expect(w.errors).toEqual([]);
    await w.context.close();
  });

  it('reads a photo of a dark "7" on grey paper (inverted, background removed); Undo restores the drawing', async () => {
    const w = await openDraw();
    const { page } = w;
    await stroke(page, ONE);
    await expectPrediction(page, '1');
    const dataUrl = await page.evaluate(() => {
      const c = document.createElement('canvas');
      c.width = 400;
      c.height = 300;
      const ctx = c.getContext('2d')!;
      const g = ctx.createLinearGradient(0, 0, 400, 0);
      g.addColorStop(0, '#c8c4bc');
      g.addColorStop(1, '#e8e4dc');
      ctx.fillStyle = g;
      ctx.fillRect(0, 0, 400, 300);
      ctx.strokeStyle = '#2a2a35';
      ctx.lineWidth = 14;
      ctx.lineCap = 'round';
      ctx.beginPath();
      ctx.moveTo(150, 60);
      ctx.lineTo(260, 60);
      ctx.lineTo(190, 250);
      ctx.stroke();
      return c.toDataURL('image/png');
    });
    await page.locator('input[type=file]').setInputFiles({
      name: 'photo-of-7.png',
      mimeType: 'image/png',
      buffer: Buffer.from(dataUrl.split(',')[1]!, 'base64'),
    });
    await expectPrediction(page, '7');
    expect(await page.getByTestId('draw-message').textContent()).toMatch(/inverted/);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expectPrediction(page, '1');
    expect(w.errors).toEqual([]);
    await w.context.close();
  });

  it('a click on a conv1 map opens the explorer with that filter’s 25 real weights on the drawn digit', async () => {
    const w = await openDraw();
    const { page } = w;
    await stroke(page, SEVEN);
    await expectPrediction(page, '7');
    const maps = page.getByTestId('conv1-maps');
    const box = (await maps.boundingBox())!;
    // Map 3 of 6: cells 60..87 of a 6×28 + 5 gutter montage at 4 px per cell.
    await maps.click({ position: { x: (2 * 29 + 14) * 4, y: 14 * 4 } });
    await page.waitForFunction(() => window.location.hash.startsWith('#/convolution'));
    const params = new URLSearchParams(await page.evaluate(() => window.location.hash.split('?')[1] ?? ''));
    expect(params.get('image')).toBe('drawn');
    expect(params.get('kernel')!.split(',').map(Number).every(Number.isFinite)).toBe(true);
    expect(params.get('kernel')!.split(',')).toHaveLength(25);
    expect(params.get('padding')).toBe('2');
    expect(box.width).toBeGreaterThan(600);
    await page.goBack();
    await expectPrediction(page, '7'); // the drawing survives the trip
    expect(w.errors).toEqual([]);
    await w.context.close();
  });

  it('"what if": zeroing conv1 filters changes the maps and the answer; Reset restores it', async () => {
    const w = await openDraw();
    const { page } = w;
    await stroke(page, SEVEN);
    await expectPrediction(page, '7');
    const conf = await page.getByTestId('confidence').textContent();
    const status = page.getByTestId('whatif-status');
    for (let f = 1; f <= 6; f++) {
      await page.getByRole('button', { name: `Filter ${f}`, exact: true }).click();
      await page.getByRole('button', { name: 'Zero this filter' }).click();
    }
    await expect.poll(() => status.textContent()).toMatch(/Before your edit: 7 .* now:/);
    await expect.poll(() => page.getByTestId('confidence').textContent()).not.toBe(conf);
    await page.getByRole('button', { name: 'Reset model' }).click();
    await expect.poll(() => page.getByTestId('confidence').textContent()).toBe(conf);
    await expectPrediction(page, '7');
    expect(await status.textContent()).toMatch(/real trained filter/);
    expect(w.errors).toEqual([]);
    await w.context.close();
  });

  it('while a stroke is drawn with the layer panels out of sight they are not rendered, at their size; in sight they are', async () => {
    const w = await openDraw({ width: 1366, height: 768 });
    const { page } = w;
    await stroke(page, SEVEN);
    await expectPrediction(page, '7');
    await page.getByTestId('draw-layer-panels').waitFor({ state: 'attached' });
    const section = page.locator('section.draw-layers-section');
    const state = () =>
      page.evaluate(() => {
        const s = document.querySelector<HTMLElement>('section.draw-layers-section')!;
        const layers = s.querySelector<HTMLElement>('.draw-layers')!;
        return {
          drawing: s.hasAttribute('data-drawing'),
          contentVisibility: getComputedStyle(layers).contentVisibility,
          height: Math.round(layers.getBoundingClientRect().height),
        };
      });
    const before = await state();
    expect(before.drawing).toBe(false);
    expect(before.height).toBeGreaterThan(300);
    // The panels start below the fold at 1366×768: mid-stroke they are skipped, keeping their height.
    const box = (await page.getByLabel('Drawing canvas').boundingBox())!;
    await page.mouse.move(box.x + 60, box.y + 245);
    await page.mouse.down();
    for (let x = 80; x <= 220; x += 20) await page.mouse.move(box.x + x, box.y + 245);
    expect(await state()).toEqual({ drawing: true, contentVisibility: 'hidden', height: before.height });
    await page.mouse.up();
    await expect.poll(async () => (await state()).drawing).toBe(false);
    expect((await state()).contentVisibility).toBe('visible');
    // Back after the stroke: scrolled into view, the conv1 maps are there.
    await page.getByTestId('conv1-maps').scrollIntoViewIfNeeded();
    expect((await page.getByTestId('conv1-maps').boundingBox())!.height).toBeGreaterThan(50);
    // In sight, a stroke leaves them rendered.
    await page.evaluate(() => window.scrollTo(0, 300));
    await expect.poll(async () => (await section.boundingBox())!.y).toBeLessThan(700);
    const inView = (await page.getByLabel('Drawing canvas').boundingBox())!;
    await page.mouse.move(inView.x + 140, inView.y + 200);
    await page.mouse.down();
    for (let y = 210; y <= 270; y += 10) await page.mouse.move(inView.x + 140, inView.y + y);
    expect((await state()).drawing).toBe(false);
    await page.mouse.up();
    expect(w.errors).toEqual([]);
    await w.context.close();
  });

  it('draws with a finger without scrolling the page', async () => {
    const context = await browser().newContext({ viewport: { width: 800, height: 600 }, hasTouch: true });
    const page = await context.newPage();
    await page.goto(new URL('#/draw', process.env.CNN_STUDIO_URL).href);
    await page
      .getByTestId('draw-model')
      .filter({ hasText: 'pretrained LeNet-5' })
      .waitFor({ timeout: 60_000 });
    const box = (await page.getByLabel('Drawing canvas').boundingBox())!;
    const cdp = await context.newCDPSession(page);
    const pt = (x: number, y: number) => [{ x: box.x + x, y: box.y + y }];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: pt(140, 30) });
    for (let y = 40; y <= 250; y += 15) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: pt(140, y) });
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await expectPrediction(page, '1');
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await context.close();
  });

  it('fits 1366×768 and 1280×720 without horizontal scrolling', async () => {
    for (const viewport of [
      { width: 1366, height: 768 },
      { width: 1280, height: 720 },
    ]) {
      const w = await openDraw(viewport);
      await stroke(w.page, SEVEN);
      await expectPrediction(w.page, '7');
      const overflow = await w.page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await w.page.screenshot({ path: `/tmp/draw-${viewport.width}x${viewport.height}.png` });
      await w.context.close();
    }
  });
});
