// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appKeyAction, KEYMAP, ownsKeys } from '../../../src/components/shell/keymap';
import { hasMessage } from '../../../src/i18n';

const press = (key: string, target: EventTarget | null = document.body, mods = {}) => ({
  key,
  target,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  defaultPrevented: false,
  ...mods,
});

describe('the app key map', () => {
  it('names every action with a message', () => {
    for (const g of KEYMAP) {
      expect(hasMessage(g.title)).toBe(true);
      for (const r of g.rows) expect(hasMessage(r.action), r.action).toBe(true);
    }
  });

  it('documents every key of the overlay in the README', () => {
    const readme = readFileSync(resolve(import.meta.dirname, '../../../README.md'), 'utf8');
    for (const g of KEYMAP) for (const r of g.rows) for (const k of r.keys) expect(readme, k).toContain(k);
  });

  it('? opens the key list and P switches presentation mode, from the page', () => {
    expect(appKeyAction(press('?'))).toBe('help');
    expect(appKeyAction(press('p'))).toBe('present');
    expect(appKeyAction(press('P'))).toBe('present');
    expect(appKeyAction(press('x'))).toBeNull();
  });

  it('leaves keys alone while typing, on a slider, with a modifier, or once something handled them', () => {
    const input = document.createElement('input');
    const slider = document.createElement('div');
    slider.setAttribute('role', 'slider');
    expect(appKeyAction(press('p', input))).toBeNull();
    expect(appKeyAction(press('?', slider))).toBeNull();
    expect(appKeyAction(press('p', document.body, { ctrlKey: true }))).toBeNull();
    expect(appKeyAction(press('p', document.body, { defaultPrevented: true }))).toBeNull();
  });

  it('knows which elements use the arrow keys themselves', () => {
    for (const tag of ['input', 'select', 'textarea'])
      expect(ownsKeys(document.createElement(tag))).toBe(true);
    for (const role of ['slider', 'spinbutton', 'menuitem', 'radio']) {
      const el = document.createElement('div');
      el.setAttribute('role', role);
      expect(ownsKeys(el)).toBe(true);
    }
    expect(ownsKeys(document.createElement('button'))).toBe(false);
    expect(ownsKeys(document.body)).toBe(false);
  });
});
