import { downloadBlob } from '../canvas/download';

/**
 * Saves everything visual inside `root` (its canvases and SVGs, where they sit on screen, plus the
 * panel title) as one PNG for slides and worksheets. White background, 2× for crisp projection.
 */
export async function exportElementPng(root: HTMLElement, title: string, filename: string): Promise<void> {
  const box = root.getBoundingClientRect();
  const scale = 2;
  const header = 28;
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(box.width * scale);
  canvas.height = Math.ceil((box.height + header) * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.scale(scale, scale);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, box.width, box.height + header);
  ctx.fillStyle = '#111418';
  ctx.font = '700 16px "DejaVu Sans", system-ui, sans-serif';
  ctx.fillText(title, 8, 20);
  ctx.imageSmoothingEnabled = false;
  const visuals = root.querySelectorAll<HTMLCanvasElement | SVGSVGElement>('canvas, svg');
  for (const el of visuals) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    const x = r.left - box.left;
    const y = r.top - box.top + header;
    if (el instanceof HTMLCanvasElement) {
      ctx.drawImage(el, x, y, r.width, r.height);
    } else {
      const img = await svgImage(el, r.width, r.height);
      if (img) ctx.drawImage(img, x, y, r.width, r.height);
    }
  }
  await new Promise<void>((resolve) =>
    canvas.toBlob((blob) => {
      if (blob) downloadBlob(blob, filename);
      resolve();
    }, 'image/png'),
  );
}

function svgImage(svg: SVGSVGElement, w: number, h: number): Promise<HTMLImageElement | null> {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  // Page CSS does not travel with the copy, so give it the page's font.
  copy.setAttribute('font-family', getComputedStyle(svg).fontFamily);
  copy.setAttribute('width', String(w));
  copy.setAttribute('height', String(h));
  const text = new XMLSerializer().serializeToString(copy);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  return new Promise((resolve) => {
    const img = new Image();
    img.onload = () => {
      URL.revokeObjectURL(url);
      resolve(img);
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      resolve(null);
    };
    img.src = url;
  });
}
