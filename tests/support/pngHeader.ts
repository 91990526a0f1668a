/**
 * A PNG signature and an IHDR chunk claiming `w`×`h` (8-bit RGBA), with no picture data after it: a
 * file whose header can be read but that cannot be decoded. Bad-input tests make their huge, empty and
 * broken pictures from it (a 20,000×20,000 claim costs 64 bytes).
 */
export function pngHeader(w: number, h: number): Buffer {
  const b = Buffer.alloc(64);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b, 0);
  b.writeUInt32BE(13, 8);
  b.write('IHDR', 12, 'ascii');
  b.writeUInt32BE(w, 16);
  b.writeUInt32BE(h, 20);
  b[24] = 8;
  b[25] = 6;
  return b;
}
