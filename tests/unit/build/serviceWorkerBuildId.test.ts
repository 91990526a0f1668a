import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BUILD_FILES_LINE,
  BUILD_ID_LINE,
  buildFileSizes,
  buildId,
  stampServiceWorker,
} from '../../../scripts/vite/serviceWorkerBuildId';

const dirs: string[] = [];
function fakeDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sw-id-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'assets'));
  mkdirSync(join(dir, 'data', 'mnist'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<script src="assets/index-abc12345.js"></script>');
  writeFileSync(join(dir, 'assets', 'index-abc12345.js'), 'console.log(1)');
  writeFileSync(join(dir, 'data', 'mnist', 'manifest.json'), '{"files":{}}');
  writeFileSync(join(dir, 'sw.js'), readFileSync('public/sw.js', 'utf8'));
  return dir;
}

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('service worker build id', () => {
  it('public/sw.js carries the line the build stamps, set to dev', () => {
    expect(readFileSync('public/sw.js', 'utf8')).toMatch(/const BUILD_ID = 'dev';/);
  });

  it('stamps sw.js with a 12-hex id of the other files, and only sw.js changes', () => {
    const dir = fakeDist();
    const before = readFileSync(join(dir, 'index.html'), 'utf8');
    const id = stampServiceWorker(dir);
    expect(id).toMatch(/^[0-9a-f]{12}$/);
    const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
    expect(sw).toContain(`const BUILD_ID = '${id}';`);
    expect(sw).not.toContain("const BUILD_ID = 'dev';");
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toBe(before);
  });

  it('is the same for the same files, whatever sw.js says, and changes when any served file changes', () => {
    const dir = fakeDist();
    const first = buildId(dir);
    stampServiceWorker(dir);
    expect(buildId(dir)).toBe(first);
    writeFileSync(join(dir, 'data', 'mnist', 'manifest.json'), '{"files":{"x":1}}');
    const afterData = buildId(dir);
    expect(afterData).not.toBe(first);
    writeFileSync(join(dir, 'assets', 'extra-99999999.js'), '');
    expect(buildId(dir)).not.toBe(afterData);
  });

  it('public/sw.js carries an empty size list for the build to fill', () => {
    expect(readFileSync('public/sw.js', 'utf8')).toMatch(/^const BUILD_FILES = \{\};$/m);
  });

  it('stamps the byte size of every other file, so the worker can refuse a cut-off or swapped copy', () => {
    const dir = fakeDist();
    writeFileSync(join(dir, 'data', 'mnist', 'test-images.idx3.gz'), new Uint8Array(1234));
    stampServiceWorker(dir);
    const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
    const line = BUILD_FILES_LINE.exec(sw)?.[0] ?? '';
    const sizes = JSON.parse(line.replace(/^const BUILD_FILES = /, '').replace(/;$/, '')) as Record<
      string,
      number
    >;
    expect(sizes).toEqual({
      'assets/index-abc12345.js': 14,
      'data/mnist/manifest.json': 12,
      'data/mnist/test-images.idx3.gz': 1234,
      'index.html': 48,
    });
    expect(sizes).toEqual(buildFileSizes(dir));
    expect(sizes).not.toHaveProperty('sw.js');
    // The worker still parses after stamping.
    expect(() => new Script(sw)).not.toThrow();
  });

  it('refuses a sw.js without the size line, rather than shipping a worker that checks nothing', () => {
    const dir = fakeDist();
    writeFileSync(join(dir, 'sw.js'), "const BUILD_ID = 'dev';");
    expect(() => stampServiceWorker(dir)).toThrow(/BUILD_FILES/);
  });

  it('refuses a sw.js without the line, rather than shipping a worker that never updates', () => {
    const dir = fakeDist();
    writeFileSync(join(dir, 'sw.js'), "const CACHE = 'v1';");
    expect(() => stampServiceWorker(dir)).toThrow(/BUILD_ID/);
    expect(BUILD_ID_LINE.test("const BUILD_ID = 'a1b2c3d4e5f6';")).toBe(true);
  });
});
