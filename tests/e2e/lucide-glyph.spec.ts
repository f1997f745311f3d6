// LucideGlyph attaches each icon's elements from lucide's data (src-renderer/lib/glyph-drawing.ts).
// Drawn in Chromium with every icon in the `lucide` package, each must come out with exactly its
// data's elements and attributes, in the SVG namespace, and a second drawing of the same icon must
// be a copy of its own (the elements are built once and cloned).
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { expect, test } from '@playwright/test';

declare global {
  interface Window {
    glyphCheck: () => { icons: number; wrong: string[]; shared: boolean };
  }
}

const checkInPage = `
  import { icons } from 'lucide';
  import { glyphElements } from './src-renderer/lib/glyph-drawing';
  const sorted = (pairs) => JSON.stringify(pairs.map(([tag, attributes]) => [
    tag, Object.entries(attributes).map(([k, v]) => [k, String(v)]).sort(),
  ]));
  window.glyphCheck = () => {
    const wrong = [];
    for (const [name, icon] of Object.entries(icons)) {
      const elements = [...glyphElements(document, icon).children];
      const drawn = elements.map((el) => [
        el.localName,
        Object.fromEntries([...el.attributes].map((a) => [a.name, a.value])),
      ]);
      const inSvg = elements.every((el) => el.namespaceURI === 'http://www.w3.org/2000/svg');
      if (!inSvg || sorted(drawn) !== sorted(icon)) wrong.push(name);
    }
    const first = glyphElements(document, icons.Eye);
    const second = glyphElements(document, icons.Eye);
    return { icons: Object.keys(icons).length, wrong, shared: first.firstChild === second.firstChild };
  };
`;

test('every lucide icon is drawn with exactly its elements and attributes', async ({ page }) => {
  const script = await build({
    stdin: { contents: checkInPage, resolveDir: resolve('.'), loader: 'ts' },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
  });
  await page.setContent('<!doctype html><title>glyphs</title>');
  await page.addScriptTag({ content: script.outputFiles[0]!.text });
  const result = await page.evaluate(() => window.glyphCheck());
  expect(result.icons).toBeGreaterThan(1000);
  expect(result.wrong).toEqual([]);
  expect(result.shared).toBe(false);
});
