// signed-in.html, the page a window that opens signed in loads (windowPagePath in
// src-main/core/app-page.ts), is index.html with its own entry script: the same markup from one
// file. Vite builds it as an HTML input like index.html (this plugin hands Vite the markup), so
// the built page names its entry chunk and what that chunk imports, as index.html does.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Plugin } from 'vite';

const signInScript = '<script type="module" src="./main.ts"></script>';
const signedInScript = '<script type="module" src="./signed-in-main.ts"></script>';

/** index.html's markup with signed-in.html's entry script in place of its own. */
export function signedInMarkup(indexHtml: string): string {
  if (!indexHtml.includes(signInScript)) throw new Error(`index.html has no ${signInScript}.`);
  return indexHtml.replace(signInScript, signedInScript);
}

/** The plugin; `root` is the renderer's folder (where index.html is). */
export function signedInPage(root: string): Plugin {
  const page = join(root, 'signed-in.html');
  return {
    name: 'greencloud:signed-in-page',
    resolveId: (id) => (id === page ? page : undefined),
    load: async (id) =>
      id === page ? signedInMarkup(await readFile(join(root, 'index.html'), 'utf8')) : undefined,
  };
}
