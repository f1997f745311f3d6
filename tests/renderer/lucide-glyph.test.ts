// LucideGlyph writes lucide's elements out one by one instead of spreading attributes: rendered
// (Svelte's server renderer) with every icon in the `lucide` package, it must draw exactly the
// icon's elements and attributes, so an icon with an element or attribute it does not write fails
// here rather than drawing wrong.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { icons, type IconNode } from 'lucide';
import { compile } from 'svelte/compiler';
import { render } from 'svelte/server';
import { beforeAll, describe, expect, it } from 'vitest';

type Rendered = [tag: string, attributes: Record<string, string>][];
let drawn: (icon: IconNode, size: number) => { svg: Record<string, string>; children: Rendered };

function attributesOf(text: string): Record<string, string> {
  return Object.fromEntries(
    [...text.matchAll(/([a-zA-Z0-9:-]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]),
  );
}

beforeAll(async () => {
  const source = await readFile(resolve('src-renderer/components/LucideGlyph.svelte'), 'utf8');
  const { js } = compile(source, { generate: 'server', filename: 'LucideGlyph.svelte' });
  // Inside the project, so the compiled module's `svelte/internal/server` import resolves.
  const dir = resolve('node_modules/.cache/lucide-glyph-test');
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'LucideGlyph.js');
  await writeFile(file, js.code);
  const { default: LucideGlyph } = await import(pathToFileURL(file).href);
  drawn = (icon, size) => {
    const { body } = render(LucideGlyph, { props: { icon, size } });
    const svg = /<svg([^>]*)>/.exec(body)!;
    const children = [...body.matchAll(/<(?!svg|\/)([a-z]+)([^>]*?)\/?>/g)].map(
      (m): Rendered[number] => [m[1]!, attributesOf(m[2]!)],
    );
    return { svg: attributesOf(svg[1]!), children };
  };
});

describe('LucideGlyph', () => {
  it('draws every lucide icon with exactly its elements and attributes', () => {
    const wrong: string[] = [];
    // Attribute order does not matter to the DOM: compare each element's attributes sorted.
    const sorted = (node: [string, Record<string, unknown>][]) =>
      JSON.stringify(
        node.map(([tag, attributes]) => [
          tag,
          Object.entries(attributes)
            .map(([k, v]) => [k, String(v)])
            .sort(),
        ]),
      );
    for (const [name, icon] of Object.entries(icons)) {
      if (sorted(drawn(icon, 16).children) !== sorted(icon)) wrong.push(name);
    }
    expect(Object.keys(icons).length).toBeGreaterThan(1000);
    expect(wrong).toEqual([]);
  });

  it('gives the svg the attributes @lucide/svelte gave a decorative icon, at the size asked', () => {
    expect(drawn(icons.Eye, 14).svg).toEqual({
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
