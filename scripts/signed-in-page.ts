// Writes out/renderer/signed-in.html: index.html plus the hints that fetch the signed-in side's
// chunk (and the chunks it imports statically) and its stylesheet as the page opens. Main opens a
// window on it when someone is signed in (windowPagePath in src-main/core/app-page.ts), so the
// shell is fetched and compiled beside the entry instead of after the entry has run. Same entry
// script, same code: index.html (the sign-in screen's first load) is unchanged.
import type { OutputBundle, OutputChunk } from 'rolldown';
import type { Plugin } from 'vite';

/** The lazily imported module the signed-in page fetches at once. */
const signedInModule = /[\\/]views[\\/]SignedInRoot\.svelte$/;

/** The chunk of `moduleId`, its static imports (transitively, entries left out) and their CSS. */
export function signedInFiles(
  bundle: OutputBundle,
  moduleId: RegExp,
): { js: string[]; css: string[] } {
  const chunks = Object.values(bundle).filter((file): file is OutputChunk => file.type === 'chunk');
  const root = chunks.find((chunk) => chunk.facadeModuleId && moduleId.test(chunk.facadeModuleId));
  if (!root) throw new Error(`No chunk for ${moduleId}: the signed-in page has nothing to fetch.`);
  const js: string[] = [];
  const css = new Set<string>();
  const visit = (chunk: OutputChunk) => {
    if (chunk.isEntry || js.includes(chunk.fileName)) return;
    js.push(chunk.fileName);
    for (const file of chunk.viteMetadata?.importedCss ?? []) css.add(file);
    for (const name of chunk.imports) {
      const imported = bundle[name];
      if (imported?.type === 'chunk') visit(imported);
    }
  };
  visit(root);
  return { js, css: [...css] };
}

/** index.html with one modulepreload per chunk and one stylesheet per CSS file, before </head>. */
export function withSignedInHints(html: string, files: { js: string[]; css: string[] }): string {
  const links = [
    ...files.js.map((file) => `<link rel="modulepreload" crossorigin href="./${file}">`),
    ...files.css.map((file) => `<link rel="stylesheet" crossorigin href="./${file}">`),
  ];
  if (!html.includes('</head>')) throw new Error('index.html has no </head>.');
  return html.replace('</head>', `  ${links.join('\n    ')}\n  </head>`);
}

export function signedInPage(): Plugin {
  return {
    name: 'greencloud:signed-in-page',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const index = bundle['index.html'];
      if (index?.type !== 'asset') this.error('The renderer build wrote no index.html.');
      this.emitFile({
        type: 'asset',
        fileName: 'signed-in.html',
        source: withSignedInHints(String(index.source), signedInFiles(bundle, signedInModule)),
      });
    },
  };
}
