/** Saves text or a canvas as a file the user can keep (worksheets, slides, spreadsheets). */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Exact values, full precision, one CSV row per map row. Several maps are separated by a blank line
 * and a `# name` comment line so a spreadsheet still opens them.
 */
export type CsvMap = { name: string; values: ArrayLike<number>; w: number; h: number };

export function mapsToCsv(maps: CsvMap[]): string {
  const blocks = maps.map(({ name, values, w, h }) => {
    const rows: string[] = [];
    for (let r = 0; r < h; r++) {
      const row: string[] = [];
      for (let c = 0; c < w; c++) row.push(String(values[r * w + c] ?? 0));
      rows.push(row.join(','));
    }
    return maps.length > 1 ? `# ${name}\n${rows.join('\n')}` : rows.join('\n');
  });
  return blocks.join('\n\n') + '\n';
}

export function downloadCsv(csv: string, filename: string): void {
  downloadBlob(new Blob([csv], { type: 'text/csv' }), filename);
}

/** Saves the given canvas, or the first canvas inside `root`, as PNG. */
export function downloadCanvasPng(source: HTMLCanvasElement | HTMLElement | null, filename: string): void {
  const canvas = source instanceof HTMLCanvasElement ? source : source?.querySelector('canvas');
  if (!canvas) return;
  canvas.toBlob((blob) => {
    if (blob) downloadBlob(blob, filename);
  }, 'image/png');
}
