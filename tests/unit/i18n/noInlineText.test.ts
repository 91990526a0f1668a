/**
 * "All user-visible text in one place per language": the UI may not write English inline. This parses
 * every .tsx file with the TypeScript compiler and reports JSX text and literal text attributes
 * (aria-label, title, placeholder, alt) that contain words, so a new inline string fails here with its
 * file and line instead of slipping past a translator.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsxFiles(path);
    return name.endsWith('.tsx') ? [path] : [];
  });
}

/** Two letters in a row: a word. Symbols, numbers and units such as "×", "→", "%", "ms" are allowed. */
const WORDY = /[A-Za-z]{3,}|\b(?:a|an|is|of|to|in|on|or|by|no)\b/i;
/** Names that are the same in every language: layer ids, activation and optimiser names, products. */
const NAMES =
  /\b(?:conv\d|pool\d|dense\d|LeNet-5|ReLU|tanh|sigmoid|softmax|Adam|SGD|WebGL|WebAssembly|MNIST|CSV|PNG)\b/g;
const wordy = (text: string): boolean => WORDY.test(text.replace(NAMES, ''));
const TEXT_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-roledescription']);

type Finding = { where: string; text: string };

function inlineText(file: string): Finding[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const out: Finding[] = [];
  const at = (node: ts.Node) => `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) {
      const text = node.getText().replace(/\s+/g, ' ').trim();
      if (text && wordy(text)) out.push({ where: at(node), text });
    } else if (ts.isJsxAttribute(node) && node.initializer) {
      const name = node.name.getText();
      const init = node.initializer;
      const literal = ts.isStringLiteral(init)
        ? init.text
        : ts.isJsxExpression(init) && init.expression && ts.isStringLiteralLike(init.expression)
          ? init.expression.text
          : null;
      if (TEXT_ATTRIBUTES.has(name) && literal !== null && wordy(literal))
        out.push({ where: at(node), text: `${name}="${literal}"` });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

describe('no inline user-visible text in the UI', () => {
  const files = [...tsxFiles('src/components'), ...tsxFiles('src/demos'), 'src/App.tsx'].filter((f) => {
    try {
      return statSync(f).isFile();
    } catch {
      return false;
    }
  });

  it('scans the UI (a scan that reads nothing proves nothing)', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it('the scanner catches JSX text and text attributes', () => {
    const probe = join(process.cwd(), 'tests/unit/i18n/fixtures/Inline.tsx');
    const found = inlineText(probe).map((f) => f.text);
    expect(found).toEqual(['Train the network', 'aria-label="Close the panel"']);
  });

  it('every .tsx file takes its words from src/i18n', () => {
    const findings = files.flatMap(inlineText).map((f) => `${f.where}  ${f.text}`);
    expect(findings).toEqual([]);
  });
});
