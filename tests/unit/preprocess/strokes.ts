/** Synthetic pen strokes for the preprocessing tests: anti-aliased round-capped polylines on a blank page. */

export type Page = { data: Float32Array; w: number; h: number };

export function blankPage(w: number, h: number): Page {
  return { data: new Float32Array(w * h), w, h };
}

function distToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Ink along the polyline with pen radius `r`; pixel (x, y) has its centre at (x + 0.5, y + 0.5). */
export function stroke(page: Page, points: [number, number][], r: number): Page {
  for (let y = 0; y < page.h; y++) {
    for (let x = 0; x < page.w; x++) {
      let d = Infinity;
      for (let i = 0; i + 1 < points.length; i++) {
        const [ax, ay] = points[i]!;
        const [bx, by] = points[i + 1]!;
        d = Math.min(d, distToSegment(x + 0.5, y + 0.5, ax, ay, bx, by));
      }
      if (points.length === 1) d = Math.hypot(x + 0.5 - points[0]![0], y + 0.5 - points[0]![1]);
      const cover = Math.max(0, Math.min(1, r + 0.5 - d));
      const i = y * page.w + x;
      page.data[i] = Math.max(page.data[i]!, cover);
    }
  }
  return page;
}

/** An ellipse outline as a closed polyline. */
export function ellipse(cx: number, cy: number, rx: number, ry: number, n = 48): [number, number][] {
  const pts: [number, number][] = [];
  for (let i = 0; i <= n; i++) {
    const a = (i / n) * 2 * Math.PI;
    pts.push([cx + rx * Math.cos(a), cy + ry * Math.sin(a)]);
  }
  return pts;
}

export function bboxOf(data: Float32Array, w: number, h: number, threshold = 0): { w: number; h: number } {
  let x0 = w;
  let y0 = h;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (data[y * w + x]! > threshold) {
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
      }
    }
  }
  return x1 < 0 ? { w: 0, h: 0 } : { w: x1 - x0 + 1, h: y1 - y0 + 1 };
}
