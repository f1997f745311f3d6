// A Vite plugin that lets the window fetch the signed-in side's chunk (and its CSS) while it parses
// the first one: index.html gets a <link rel="modulepreload"> for the chunk and its static imports
// and a <link rel="preload" as="style"> for its CSS. App.svelte imports that chunk at boot in every
// window anyway (signed in or not); without these hints the fetch could only start once the first
// chunk had run. Nothing here runs the chunk: it is still evaluated only when App imports it, and
// the sign-in screen never waits for it (so it is not part of the first-load budget).
import type { HtmlTagDescriptor, Plugin } from 'vite';

/** `lazyEntry`: the end of the dynamically imported module's path, e.g. `views/SignedInRoot.svelte`. */
export function preloadLazyEntry(lazyEntry: string): Plugin {
  return {
    name: 'greencloud:preload-lazy-entry',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const bundle = context.bundle;
        if (!bundle) return [];
        const chunks = Object.values(bundle).flatMap((output) =>
          output.type === 'chunk' ? [output] : [],
        );
        const lazy = chunks.find((chunk) => chunk.facadeModuleId?.endsWith(lazyEntry));
        if (!lazy) throw new Error(`No chunk for ${lazyEntry}: is it still imported lazily?`);
        const loadedFirst = new Set<string>();
        const scripts = new Set<string>();
        const styles = new Set<string>();
        const visit = (fileName: string, into: Set<string>) => {
          const chunk = chunks.find((candidate) => candidate.fileName === fileName);
          // The first load's own files are already in the page.
          if (!chunk || into.has(fileName) || loadedFirst.has(fileName)) return;
          into.add(fileName);
          if (into === scripts) chunk.viteMetadata?.importedCss.forEach((css) => styles.add(css));
          chunk.imports.forEach((imported) => visit(imported, into));
        };
        chunks
          .filter((chunk) => chunk.isEntry)
          .forEach((entry) => visit(entry.fileName, loadedFirst));
        visit(lazy.fileName, scripts);
        const href = (fileName: string) => `./${fileName}`;
        const tags: HtmlTagDescriptor[] = [
          ...[...scripts].map((fileName) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: href(fileName) },
            injectTo: 'head' as const,
          })),
          ...[...styles].map((fileName) => ({
            tag: 'link',
            attrs: { rel: 'preload', as: 'style', crossorigin: true, href: href(fileName) },
            injectTo: 'head' as const,
          })),
        ];
        return tags;
      },
    },
  };
}
