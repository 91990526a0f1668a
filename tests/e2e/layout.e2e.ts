import { describe, expect, it } from 'vitest';
import { useBrowser } from '../support/browser';
import { auditLayout } from '../support/layoutAudit';

const browser = useBrowser();

// The six-size sweep of every screen is tests/layout/sweep.layout.ts (`npm run test:layout`).
describe('the layout audit can fail', () => {
  // A page with nothing but the plant, so each report can only come from a planted defect.
  const FINE = `<main id="main" style="font: 16px sans-serif; margin: 8px">
      <h1>Fine</h1>
      <button style="width: 48px; height: 48px; font: inherit">OK</button>
      <p>A sentence with <a href="#x">an inline link</a> in it.</p>
    </main>`;
  const PLANT = `<div style="width: 600px; height: 4px"></div>
      <div style="position: relative; height: 40px">
        <span style="position: absolute; left: 0; top: 0">Input · 28×28</span>
        <span style="position: absolute; left: 10px; top: 4px">Kernel · 3×3</span>
      </div>
      <div style="width: 80px; overflow: hidden; white-space: nowrap">A title much too long for its box</div>
      <button style="width: 30px; height: 30px; padding: 0; font-size: 10px">PNG</button>
      <section style="height: 60px">a</section><section style="height: 60px; margin-top: -30px">b</section>
      <div style="height: 2000px; font-size: 12px">small words</div>`;

  it('reports each kind of defect planted in a page, and nothing on a fine page', async () => {
    const context = await browser().newContext({
      viewport: { width: 360, height: 640 },
      hasTouch: true,
      isMobile: true,
    });
    const page = await context.newPage();
    const audit = (present: boolean) =>
      page.evaluate(auditLayout, { width: 360, height: 640, minTarget: 44, minFontPx: 16, present });

    await page.setContent(`<!doctype html><meta name="viewport" content="width=device-width">${FINE}`);
    expect(await audit(false)).toEqual([]);
    expect(await audit(true)).toEqual([]);

    await page.setContent(
      `<!doctype html><meta name="viewport" content="width=device-width">${FINE.replace('</main>', `${PLANT}</main>`)}`,
    );
    const normal = await audit(false);
    const where = (kind: string) =>
      normal
        .filter((p) => p.kind === kind)
        .map((p) => p.where)
        .join('\n');
    expect(where('hscroll')).toMatch(/page is 6\d\d px wide on a 360 px screen/);
    expect(where('overlap')).toMatch(/"Input · 28×28" overlaps span "Kernel · 3×3"/);
    expect(where('cut')).toMatch(/"A title much too long for its box" cut by the edge of div/);
    expect(where('covered')).toMatch(/section "a" and section "b" overlap/);
    expect(where('target')).toMatch(/button "PNG" is 30×30/);
    expect(where('target')).not.toMatch(/"OK"|inline link/);
    const present = await audit(true);
    expect(present.filter((p) => p.kind === 'vscroll').map((p) => p.where)).toEqual([
      expect.stringMatching(/page is \d{4} px tall on a 640 px screen/),
    ]);
    expect(
      present
        .filter((p) => p.kind === 'small-text')
        .map((p) => p.where)
        .join('\n'),
    ).toMatch(/"small words" is 12\.0 px \(needs 16\)/);
    await context.close();
  });

  it('text scrolled out of view in a scrolling box is reachable, not cut or covered; a real cut inside one still is', async () => {
    const context = await browser().newContext({
      viewport: { width: 360, height: 640 },
      hasTouch: true,
      isMobile: true,
    });
    const page = await context.newPage();
    const audit = async () =>
      (
        await page.evaluate(auditLayout, {
          width: 360,
          height: 640,
          minTarget: 44,
          minFontPx: 16,
          present: false,
        })
      ).map((p) => `${p.kind}: ${p.where}`);
    const shell = (body: string) =>
      `<!doctype html><meta name="viewport" content="width=device-width"><main id="main" style="font: 16px sans-serif; margin: 8px">${body}</main>`;
    // A presented lesson on a phone: its stage scrolls, and in it a drawing that clips to its own box
    // (an SVG, here a div with overflow: hidden) whose lower labels are below the stage's edge; beside
    // it a text box that scrolls, whose answers run on under the panel below it.
    const scrolled = `<div style="height: 120px; overflow: auto">
        <p>Calculator</p><div style="height: 100px"></div>
        <div style="overflow: hidden; width: 200px; height: 200px"><p>a zero</p><p style="margin-top: 60px">zero below</p></div>
      </div>
      <div style="height: 60px; overflow: auto"><fieldset style="height: 200px"><legend>Your answer</legend></fieldset></div>
      <section style="height: 80px">the panel</section>`;
    await page.setContent(shell(scrolled));
    expect(await audit()).toEqual([]);
    // Real cuts stay cuts: words past an edge that does not scroll, inside a scrolling box, and under
    // a box whose own nearest clipping box scrolls (sideways) but whose outer box hides them.
    await page.setContent(
      shell(`<div style="height: 120px; overflow: auto">
          <div style="width: 90px; overflow: hidden; white-space: nowrap"><span>A title much too long for its box</span></div>
        </div>
        <div style="height: 30px; overflow: hidden"><div style="overflow-x: auto"><p style="margin: 0">one line</p><p style="margin: 0">a line below the edge</p></div></div>`),
    );
    const found = (await audit()).join('\n');
    expect(found).toMatch(/cut: span "A title much too long for its box" cut by the edge of div/);
    expect(found).toMatch(/cut: p "a line below the edge" cut by the edge of div/);
    await context.close();
  });

  it('presentation mode: text shrunk by a CSS zoom is judged at its drawn size; a small main picture is reported', async () => {
    const context = await browser().newContext({ viewport: { width: 360, height: 640 } });
    const page = await context.newPage();
    const audit = () =>
      page.evaluate(auditLayout, {
        width: 360,
        height: 640,
        minTarget: 24,
        minFontPx: 20,
        present: true,
        minVisualFraction: 1 / 3,
      });
    const kinds = async () => (await audit()).map((p) => `${p.kind}: ${p.where}`).join('\n');
    const shell = (body: string) =>
      `<!doctype html><meta name="viewport" content="width=device-width"><main id="main" style="font: 24px sans-serif; margin: 0">${body}</main>`;

    await page.setContent(shell('<p>Big words</p><canvas width="300" height="300"></canvas>'));
    expect(await audit()).toEqual([]);

    await page.setContent(
      shell('<div style="zoom: 0.5"><p>Zoomed words</p></div><canvas width="100" height="100"></canvas>'),
    );
    const found = await kinds();
    expect(found).toMatch(/small-text: p "Zoomed words" is 12\.0 px \(needs 20\)/);
    expect(found).toMatch(
      /small-visual: the largest picture, canvas 100×100 at \(\d+,\d+\), fills 4% of the screen \(needs 33%\)/,
    );
    await context.close();
  });
});
