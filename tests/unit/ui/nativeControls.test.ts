import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const components = resolve(import.meta.dirname, '../../../src/components');

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsxFiles(join(dir, e.name)) : e.name.endsWith('.tsx') ? [join(dir, e.name)] : [],
  );
}

/**
 * The two animation scrubbers are range inputs drawn as a timeline (a track with the step marks), not a
 * labelled setting; every other drop-down, number and slider goes through src/components/ui, which gives
 * it 44 px on touch and names a bad value.
 */
const SCRUBBERS = ['learn/panels/Player.tsx', 'player/PlayerControls.tsx'];

describe('native form controls', () => {
  it('are only written inside the shared controls (and the two scrubbers)', () => {
    const outside = tsxFiles(components)
      .map((f) => relative(components, f).split('\\').join('/'))
      .filter((f) => !f.startsWith('ui/') && !SCRUBBERS.includes(f))
      .filter((f) => /<select\b|type="number"|type="range"/.test(readFileSync(join(components, f), 'utf8')));
    expect(outside).toEqual([]);
  });
});
