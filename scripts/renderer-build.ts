// What the renderer's two page builds share. Each page is built on its own, into the same folder:
//   - index.html, the sign-in screen (electron.vite.config.ts): its entry holds the sign-in
//     screens; the signed-in side is a chunk it fetches at boot.
//   - signed-in.html, the page a window that opens signed in loads (signed-in-window.vite.config.ts):
//     its entry holds the signed-in side; the sign-in screens come when the window is idle.
// Built together, the two entries would share their common modules through extra chunks (Svelte's
// runtime, App, the stores), and each file a page names is one more request, and one more script
// to compile, before its first render. Built apart, each page names one script and one stylesheet.
// The same modules are on disk twice (about 95 KB gzip each); no page ever loads both copies.
import type { UserConfig } from 'vite';

/** Electron 44's Chromium, which electron-vite's newest table entry names; 45's is newer still. */
const chromiumTarget = 'chrome152';

/** The build options for one page: `input` is its HTML file (absolute path), `name` its chunks'. */
export function rendererPageBuild(
  name: string,
  input: string,
  outDir: string,
  emptyOutDir: boolean,
): NonNullable<UserConfig['build']> {
  return {
    outDir,
    emptyOutDir,
    target: chromiumTarget,
    // The window parses every byte at each start.
    minify: true,
    // Chromium supports modulepreload natively: the polyfill is dead weight in the first load.
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: { [name]: input },
      output: {
        codeSplitting: {
          groups: [
            // Everything the page imports statically stays in its entry chunk. Without this group,
            // rolldown moves what the entry shares with a lazy chunk (Svelte's runtime above all)
            // into a common chunk beside the entry: one more file before the first render.
            { name, tags: ['$initial'] },
            // The small forms and dialogs in one chunk: each is opened rarely, and one request for
            // all of them is cheaper than one each.
            {
              name: 'forms',
              test: /[\\/](ForgotPassword|SetPassword|EndpointChooser|ConfirmDialog|ProxyCredentialsDialog)\.svelte|field-rules?\.ts/,
            },
          ],
        },
      },
    },
  };
}
