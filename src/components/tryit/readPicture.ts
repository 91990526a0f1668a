import { imageSizeProblem, readImageHeader, toDatasetPixels, type InputShape } from '../../engine';
import { t } from '../../i18n';
import { decodePicture } from '../data/decodePicture';

/**
 * A picked file as the bytes of `shape` (the same conversion the Data area stores a file with), or the
 * reason it was refused, naming the file.
 */
export async function readTryFile(
  file: File,
  shape: InputShape,
): Promise<{ ok: true; pixels: Uint8Array } | { ok: false; message: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const header = readImageHeader(bytes.subarray(0, 65536));
  const name = file.name.length > 60 ? `${file.name.slice(0, 60)}…` : file.name;
  if (!header || (header.type !== 'png' && header.type !== 'jpeg'))
    return { ok: false, message: t('tryit.file.bad', { name }) };
  const size = imageSizeProblem(header);
  if (size) return { ok: false, message: t('tryit.file.tooBig', { name, problem: size }) };
  try {
    const rgba = await decodePicture({ path: file.name, bytes, header });
    return { ok: true, pixels: toDatasetPixels(rgba, shape) };
  } catch {
    return { ok: false, message: t('tryit.file.damaged', { name }) };
  }
}
