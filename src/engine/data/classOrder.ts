/**
 * The order of a dataset zip's classes. A zip's folders have no order of their own, so an export
 * writes `classes.txt` beside the class folders (one folder name per line, in the set's order), and an
 * import uses it when it names exactly the class folders: a set made as vertical, horizontal, camera
 * comes back with the same labels 0, 1, 2 (and so the same confusion matrix and output rows) instead of
 * alphabetical ones. Without the file, or with one that names other folders, the classes are in
 * alphabetical order as before; the import lists that file as left out, saying why. Pure.
 */
import { strFromU8, strToU8 } from 'fflate';

/** The manifest's file name, at the top of the dataset (beside the class folders). */
export const CLASS_ORDER_FILE = 'classes.txt';

/** Bigger than 10 class names of 40 characters could ever be: such a file is not a manifest. */
export const CLASS_ORDER_MAX_BYTES = 4096;

/** The manifest's bytes for these folder names, in this order. Returns new bytes the caller owns. */
export function classOrderBytes(folders: readonly string[]): Uint8Array {
  return strToU8(folders.map((f) => `${f}\n`).join(''));
}

/**
 * The names a manifest lists, in its order: UTF-8, one per line (Windows line ends and a byte-order
 * mark are fine), each trimmed as folder names are, blank lines dropped. Returns a new array.
 */
export function parseClassOrder(bytes: Uint8Array): string[] {
  return strFromU8(bytes)
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/**
 * `classes` in the manifest's order when `order` names each class exactly once and nothing else;
 * null otherwise (a name missing, repeated or unknown), so the caller keeps its own order. Returns a
 * new array of the same class objects.
 */
export function orderClasses<C extends { name: string }>(
  classes: readonly C[],
  order: readonly string[],
): C[] | null {
  if (order.length !== classes.length || new Set(order).size !== order.length) return null;
  const byName = new Map(classes.map((c) => [c.name, c]));
  const ordered: C[] = [];
  for (const name of order) {
    const cls = byName.get(name);
    if (!cls) return null;
    ordered.push(cls);
  }
  return ordered;
}
