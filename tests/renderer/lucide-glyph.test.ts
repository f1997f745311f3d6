// LucideGlyph's own <svg>, rendered by Svelte's server renderer: the attributes @lucide/svelte gave
// a decorative icon. (The icon's elements are attached in the browser: tests/e2e/lucide-glyph.spec.ts
// draws every icon in the package there.)
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { icons, type IconNode } from 'lucide';
import { compile } from 'svelte/compiler';
import { render } from 'svelte/server';
import { beforeAll, describe, expect, it } from 'vitest';

let drawn: (icon: IconNode, size: number) => Record<string, string>;

function attributesOf(text: string): Record<string, string> {
  return Object.fromEntries(
    [...text.matchAll(/([a-zA-Z0-9:-]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]),
  );
}

beforeAll(async () => {
  const source = await readFile(resolve('src-renderer/components/LucideGlyph.svelte'), 'utf8');
  const { js } = compile(source, { generate: 'server', filename: 'LucideGlyph.svelte' });
  const drawing = resolve('src-renderer/lib/glyph-drawing.ts');
  // Inside the project, so the compiled module's `svelte/internal/server` import resolves.
  const dir = resolve('node_modules/.cache/lucide-glyph-test');
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'LucideGlyph.js');
  await writeFile(file, js.code.replace("'../lib/glyph-drawing'", JSON.stringify(drawing)));
  const { default: LucideGlyph } = await import(pathToFileURL(file).href);
  drawn = (icon, size) => {
    const { body } = render(LucideGlyph, { props: { icon, size } });
    return attributesOf(/<svg([^>]*)>/.exec(body)![1]!);
  };
});

describe('LucideGlyph', () => {
  it('gives the svg the attributes @lucide/svelte gave a decorative icon, at the size asked', () => {
    expect(drawn(icons.Eye, 14)).toEqual({
      xmlns: 'http://www.w3.org/2000/svg',
      width: '14',
      height: '14',
      viewBox: '0 0 24 24',
      fill: 'none',
      stroke: 'currentColor',
      'stroke-width': '2',
      'stroke-linecap': 'round',
      'stroke-linejoin': 'round',
      class: 'lucide lucide-icon',
      'aria-hidden': 'true',
    });
  });
});
