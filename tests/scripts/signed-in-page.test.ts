import type { OutputBundle } from 'rolldown';
import { describe, expect, it } from 'vitest';
import { signedInFiles, withSignedInHints } from '../../scripts/signed-in-page';

/** The parts of rolldown's output chunks that signedInFiles reads. */
function chunk(
  fileName: string,
  extra: { facade?: string; isEntry?: boolean; imports?: string[]; css?: string[] } = {},
) {
  return {
    type: 'chunk',
    fileName,
    facadeModuleId: extra.facade ?? null,
    isEntry: extra.isEntry ?? false,
    imports: extra.imports ?? [],
    viteMetadata: { importedCss: new Set(extra.css ?? []), importedAssets: new Set() },
  };
}

const bundle = Object.fromEntries(
  [
    chunk('assets/index.js', { facade: '/src/main.ts', isEntry: true, css: ['assets/index.css'] }),
    chunk('assets/SignedInRoot.js', {
      facade: '/src/views/SignedInRoot.svelte',
      imports: ['assets/index.js', 'assets/runtime.js'],
      css: ['assets/SignedInRoot.css'],
    }),
    chunk('assets/runtime.js', { imports: ['assets/index.js'] }),
    chunk('assets/after-quota.js', {
      facade: '/src/views/after-quota.ts',
      css: ['assets/after-quota.css'],
    }),
    { type: 'asset', fileName: 'index.html', source: '' },
  ].map((file) => [file.fileName, file]),
) as unknown as OutputBundle;

describe('signedInFiles', () => {
  it('is the chunk, the chunks it imports statically and their CSS, without the entry or lazy chunks', () => {
    expect(signedInFiles(bundle, /SignedInRoot\.svelte$/)).toEqual({
      js: ['assets/SignedInRoot.js', 'assets/runtime.js'],
      css: ['assets/SignedInRoot.css'],
    });
  });

  it('fails the build when the module has no chunk of its own', () => {
    expect(() => signedInFiles(bundle, /Missing\.svelte$/)).toThrow(/No chunk/);
  });
});

describe('withSignedInHints', () => {
  it('adds one modulepreload per chunk and one stylesheet per CSS file before </head>', () => {
    const html = withSignedInHints(
      '<html><head><script src="./assets/index.js"></script></head><body></body></html>',
      {
        js: ['assets/SignedInRoot.js'],
        css: ['assets/SignedInRoot.css'],
      },
    );
    expect(html).toContain(
      '<link rel="modulepreload" crossorigin href="./assets/SignedInRoot.js">',
    );
    expect(html).toContain('<link rel="stylesheet" crossorigin href="./assets/SignedInRoot.css">');
    expect(html.indexOf('SignedInRoot.css')).toBeLessThan(html.indexOf('</head>'));
    expect(html.indexOf('index.js')).toBeLessThan(html.indexOf('SignedInRoot.js'));
  });
});
