/**
 * Several same-sized maps laid out as one grid of values with blank (zero = white) gutters between
 * them, so a whole layer is one canvas draw instead of one per map: that is what keeps the stroke to
 * panels update inside its 30 ms budget on a school laptop. Below each row of maps is a blank band
 * where the page writes the map numbers. Pure, so the layout is unit-tested.
 */

export type MontageLayout = {
  size: number;
  count: number;
  cols: number;
  /** Blank cells between maps side by side. */
  gap: number;
  /** Blank cells under each row of maps (room for the map numbers). */
  band: number;
  w: number;
  h: number;
};

export function montageLayout(
  size: number,
  count: number,
  cols: number,
  gap: number,
  band: number,
): MontageLayout {
  const c = Math.max(1, Math.min(cols, count));
  const rows = Math.ceil(count / c);
  return { size, count, cols: c, gap, band, w: c * size + (c - 1) * gap, h: rows * (size + band) };
}

/** Top-left cell of map `m`. */
export function slotOrigin(m: number, L: MontageLayout): { row: number; col: number } {
  return { row: Math.floor(m / L.cols) * (L.size + L.band), col: (m % L.cols) * (L.size + L.gap) };
}

/** Copies each row-major size×size map into its slot; everything else stays 0. */
export function buildMontage(maps: readonly ArrayLike<number>[], L: MontageLayout): Float32Array {
  const out = new Float32Array(L.w * L.h);
  maps.forEach((map, m) => {
    const { row, col } = slotOrigin(m, L);
    for (let r = 0; r < L.size; r++) {
      for (let c = 0; c < L.size; c++) out[(row + r) * L.w + col + c] = map[r * L.size + c] as number;
    }
  });
  return out;
}

/** Which map a cell belongs to, or null for a gutter or label cell. */
export function mapAtCell(row: number, col: number, L: MontageLayout): number | null {
  const rowStep = L.size + L.band;
  const colStep = L.size + L.gap;
  if (row % rowStep >= L.size || col % colStep >= L.size) return null;
  const m = Math.floor(row / rowStep) * L.cols + Math.floor(col / colStep);
  return m < L.count ? m : null;
}

/**
 * The montage arrangement for `room` px of width: the preferred cell size and number of columns when
 * they fit, else fewer columns (down to 2), else smaller cells (down to 2 px). Pure.
 */
export function fitMontage(
  size: number,
  count: number,
  prefer: { cellPx: number; cols: number },
  gap: number,
  room: number | null,
): { cellPx: number; cols: number } {
  if (room === null) return prefer;
  const width = (cols: number) => Math.min(cols, count) * size + (Math.min(cols, count) - 1) * gap;
  for (let cols = prefer.cols; cols >= Math.min(2, prefer.cols); cols--) {
    if (width(cols) * prefer.cellPx <= room) return { cellPx: prefer.cellPx, cols };
  }
  const cols = Math.min(2, prefer.cols);
  return { cellPx: Math.max(2, Math.floor(room / width(cols))), cols };
}
