import { describe, expect, it } from 'vitest';
import {
  imageFileProblem,
  imageSizeProblem,
  inspectImage,
  MAX_IMAGE_FILE_BYTES,
  readImageHeader,
} from '../../../src/engine';

/** Tiny writers for each format's header bytes, so every test builds its own file. */
const bytes = (...parts: (number[] | Uint8Array | string)[]): Uint8Array =>
  Uint8Array.from(
    parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : Array.from(p))),
  );
const be32 = (v: number) => [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
const be16 = (v: number) => [(v >>> 8) & 255, v & 255];
const le16 = (v: number) => [v & 255, (v >>> 8) & 255];
const le24 = (v: number) => [v & 255, (v >>> 8) & 255, (v >>> 16) & 255];
const le32 = (v: number) => [...le16(v & 0xffff), ...le16(v >>> 16)];

const PNG_SIG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const chunk = (type: string, data: number[]) => [...be32(data.length), ...bytes(type), ...data, 0, 0, 0, 0];
const png = (w: number, h: number, extra: number[] = []) =>
  bytes(PNG_SIG, chunk('IHDR', [...be32(w), ...be32(h), 8, 0, 0, 0, 0]), extra, chunk('IEND', []));

const gif = (screen: [number, number], frames: [number, number, number, number][], globalTable = true) =>
  bytes(
    'GIF89a',
    [...le16(screen[0]), ...le16(screen[1]), globalTable ? 0x80 : 0, 0, 0],
    globalTable ? new Array<number>(6).fill(0) : [],
    // a graphic control extension before the frames, to be skipped
    [0x21, 0xf9, 4, 0, 0, 0, 0, 0],
    frames.flatMap(([x, y, w, h]) => [
      0x2c,
      ...le16(x),
      ...le16(y),
      ...le16(w),
      ...le16(h),
      0,
      2,
      2,
      0x4c,
      0x01,
      0,
    ]),
    [0x3b],
  );

const sof = (marker: number, w: number, h: number) => [
  0xff,
  marker,
  ...be16(11),
  8,
  ...be16(h),
  ...be16(w),
  1,
  1,
  0x11,
  0,
];
const jpeg = (...segments: number[][]) =>
  bytes([0xff, 0xd8], [0xff, 0xe0, ...be16(6), 1, 2, 3, 4], ...segments, [0xff, 0xd9]);

const riff = (...chunks: number[][]) => {
  const body = chunks.flat();
  return bytes('RIFF', le32(4 + body.length), 'WEBP', body);
};
const webpChunk = (type: string, data: number[]) => [
  ...bytes(type),
  ...le32(data.length),
  ...data,
  ...(data.length % 2 ? [0] : []),
];
const vp8l = (w: number, h: number) => webpChunk('VP8L', [0x2f, ...le32((w - 1) | ((h - 1) << 14)), 0]);
const vp8 = (w: number, h: number) => webpChunk('VP8 ', [0, 0, 0, 0x9d, 0x01, 0x2a, ...le16(w), ...le16(h)]);
const vp8x = (w: number, h: number) => webpChunk('VP8X', [2, 0, 0, 0, ...le24(w - 1), ...le24(h - 1)]);
const anmf = (x: number, y: number, w: number, h: number, inner: number[]) =>
  webpChunk('ANMF', [...le24(x / 2), ...le24(y / 2), ...le24(w - 1), ...le24(h - 1), 0, 0, 0, 0, ...inner]);

const bmp = (w: number, h: number, core = false) =>
  bytes(
    'BM',
    new Array<number>(12).fill(0),
    core
      ? [...le32(12), ...le16(w), ...le16(h), 1, 0, 24, 0]
      : [...le32(40), ...le32(w), ...le32(h), 1, 0, 24, 0],
  );

describe('inspectImage: the largest extent any frame asks for, before decoding', () => {
  it('PNG 3,000×2,000 → ok; 9,500×40 too wide; 0×0 is "empty"; no IHDR is "not a valid PNG"', () => {
    expect(readImageHeader(png(3000, 2000))).toEqual({ type: 'png', width: 3000, height: 2000, frames: 1 });
    expect(imageFileProblem(png(9500, 40))).toMatch(/9,500 × 40 pixels, too large/);
    expect(imageFileProblem(png(0, 0))).toMatch(/empty/);
    expect(imageFileProblem(png(0, 0))).not.toMatch(/too large/);
    const noIhdr = bytes(PNG_SIG, chunk('tEXt', [...bytes('hello world, no size here')]));
    expect(inspectImage(noIhdr)).toEqual({ ok: false, reason: 'damaged', type: 'png' });
    expect(imageFileProblem(noIhdr)).toMatch(/not a valid PNG/);
    expect(imageFileProblem(noIhdr)).not.toMatch(/pixels/);
  });

  it('APNG: a frame control chunk bigger than the canvas counts', () => {
    const fctl = chunk('fcTL', [
      ...be32(0),
      ...be32(12_000),
      ...be32(30),
      ...be32(0),
      ...be32(0),
      0,
      1,
      0,
      1,
      0,
      0,
    ]);
    expect(readImageHeader(png(30, 30, fctl))).toMatchObject({ width: 12_000, height: 30, frames: 2 });
  });

  it('GIF: a 12×12 screen with a 15,000×15,000 second frame is refused by the frame', () => {
    const g = gif(
      [12, 12],
      [
        [0, 0, 12, 12],
        [0, 0, 15_000, 15_000],
      ],
    );
    expect(readImageHeader(g)).toEqual({ type: 'gif', width: 15_000, height: 15_000, frames: 3 });
    expect(imageFileProblem(g)).toMatch(/15,000 × 15,000/);
    // A frame placed far off the screen also needs its offset counted.
    const offset = gif([20, 20], [[9000, 0, 10, 10]], false);
    expect(readImageHeader(offset)).toMatchObject({ width: 9010, height: 20 });
    expect(imageFileProblem(gif([30, 40], [[0, 0, 30, 40]]))).toBeNull();
  });

  it('JPEG: every start-of-frame counts, also after the scan data', () => {
    const scan = [0xff, 0xda, ...be16(8), 1, 1, 0, 0, 63, 0, 0x12, 0xff, 0x00, 0x34, 0xff, 0xd3, 0x56];
    const two = jpeg(sof(0xc0, 640, 480), scan, sof(0xc5, 20_000, 480), scan);
    expect(readImageHeader(two)).toEqual({ type: 'jpeg', width: 20_000, height: 480, frames: 2 });
    expect(readImageHeader(jpeg(sof(0xc2, 800, 600), scan))).toMatchObject({ width: 800, height: 600 });
    expect(inspectImage(jpeg(scan))).toEqual({ ok: false, reason: 'damaged', type: 'jpeg' });
    expect(imageFileProblem(jpeg(sof(0xc0, 0, 100)))).toMatch(/empty/);
  });

  it('WebP: VP8L, VP8, and an animated file whose second frame is 10,000 wide', () => {
    expect(readImageHeader(riff(vp8l(300, 200)))).toMatchObject({ type: 'webp', width: 300, height: 200 });
    expect(readImageHeader(riff(vp8(64, 48)))).toMatchObject({ width: 64, height: 48 });
    const anim = riff(
      vp8x(50, 50),
      anmf(0, 0, 50, 50, vp8l(50, 50)),
      anmf(0, 0, 10_000, 50, vp8l(10_000, 50)),
    );
    expect(readImageHeader(anim)).toMatchObject({ width: 10_000, height: 50 });
    expect(imageFileProblem(anim)).toMatch(/10,000 × 50/);
    expect(inspectImage(riff())).toEqual({ ok: false, reason: 'damaged', type: 'webp' });
  });

  it('BMP: signed 32-bit sizes (top-down rows), the old 16-bit header, and a negative width', () => {
    expect(readImageHeader(bmp(64, -32))).toMatchObject({ type: 'bmp', width: 64, height: 32 });
    expect(readImageHeader(bmp(70, 90, true))).toMatchObject({ width: 70, height: 90 });
    expect(inspectImage(bmp(-5, 10))).toMatchObject({ ok: false, reason: 'damaged' });
    expect(inspectImage(bytes('BM', [1, 2]))).toMatchObject({ ok: false, reason: 'damaged' });
  });

  it('text is not an image; a file over the byte limit is refused unread', () => {
    expect(inspectImage(bytes('hello, this is not an image at all'))).toEqual({
      ok: false,
      reason: 'unknown',
    });
    expect(imageFileProblem(bytes('plain text'))).toMatch(/not an image/);
    expect(imageFileProblem(new Uint8Array(0), MAX_IMAGE_FILE_BYTES + 1)).toMatch(/MB/);
    expect(imageSizeProblem({ width: 4000, height: 3000 })).toBeNull();
  });
});
