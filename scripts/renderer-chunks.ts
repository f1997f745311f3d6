// The renderer's chunks for its two pages. index.html (the sign-in screen) and signed-in.html (a
// window that opens signed in) each have an entry module of their own, and they share the app:
//   - `app`: everything index.html's entry imports statically (Svelte's runtime, App, the sign-in
//     screens, the styles). Both pages load it. The entry module stays out of it: a page that
//     imports a chunk runs every module in it, and the entry mounts the window.
//   - signed-in.html's entry chunk: the signed-in side, which that entry imports statically and
//     `app` does not hold. index.html imports the same chunk lazily (src-renderer/signed-in-main.ts).
// Without the `app` rule rolldown cuts the modules the two entries share into several common
// chunks by who imports them, and the sign-in screen's first load grows.
import type { CodeSplittingGroup } from 'rolldown';

/** rolldown's view of a module's static imports, as its chunking context gives it. */
interface ModuleGraph {
  getModuleInfo(moduleId: string): { importedIds: readonly string[] } | null;
}

/** `entryId` and every module it imports statically, directly or not. */
export function staticClosure(graph: ModuleGraph, entryId: string): Set<string> {
  const seen = new Set<string>();
  const queue = [entryId];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    queue.push(...(graph.getModuleInfo(id)?.importedIds ?? []));
  }
  return seen;
}

// Packages follow the modules that use them (through lucide's index every icon is reachable, and
// only the used ones ship), and rolldown's virtual modules are its own to place.
const isOwnModule = (moduleId: string) => !/[\\/]node_modules[\\/]|^\0/.test(moduleId);

/** Whether a module belongs in `app`, for index.html's entry module `signInEntry` (absolute id). */
export function inAppChunk(graph: ModuleGraph, signInEntry: string): (moduleId: string) => boolean {
  const app = staticClosure(graph, signInEntry);
  app.delete(signInEntry);
  return (moduleId) => isOwnModule(moduleId) && app.has(moduleId);
}

/** The code-splitting group for `app` (rolldown asks it about every module). */
export function appChunkGroup(signInEntry: string): CodeSplittingGroup {
  // One chunking pass asks about every module with the same graph: the closure is made once.
  const passes = new WeakMap<ModuleGraph, (moduleId: string) => boolean>();
  return {
    debugName: 'app',
    name: (moduleId, ctx) => {
      let rule = passes.get(ctx);
      if (!rule) passes.set(ctx, (rule = inAppChunk(ctx, signInEntry)));
      return rule(moduleId) ? 'app' : null;
    },
  };
}
