// The renderer's chunks, one rule per page. index.html (the sign-in screen) and signed-in.html (a
// window that opens signed in) each have an entry module of their own, and they share the app:
//   - `app`: everything index.html's entry imports statically (Svelte's runtime, App, the sign-in
//     screens, the styles). Both pages load it. The entry modules stay out of it: a page that
//     imports a chunk runs every module in it, and each entry mounts the window.
//   - `SignedInRoot`: the signed-in side, as far as signed-in.html's entry imports it statically
//     and `app` does not hold it. signed-in.html loads it at once; index.html imports it lazily.
// Without these rules rolldown cuts the modules the two entries share into several common chunks
// by who imports them, and the sign-in screen's first load grows.
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

const isOwnModule = (moduleId: string) => !/[\\/]node_modules[\\/]|^\0/.test(moduleId);

export interface PageEntries {
  /** index.html's entry module (absolute id). */
  signIn: string;
  /** signed-in.html's entry module. */
  signedIn: string;
}

/** Which chunk a module goes to by the two rules above; undefined leaves it to rolldown. */
export function pageChunkOf(
  graph: ModuleGraph,
  entries: PageEntries,
): (moduleId: string) => 'app' | 'SignedInRoot' | undefined {
  const app = staticClosure(graph, entries.signIn);
  const signedIn = staticClosure(graph, entries.signedIn);
  app.delete(entries.signIn);
  signedIn.delete(entries.signedIn);
  return (moduleId) => {
    if (!isOwnModule(moduleId)) return undefined;
    if (app.has(moduleId)) return 'app';
    if (signedIn.has(moduleId)) return 'SignedInRoot';
    return undefined;
  };
}

/**
 * The two groups, `app` first: rolldown also moves a captured module's own imports into its group,
 * so the signed-in side's group, taken first, would carry the runtime and everything shared.
 */
export function pageChunkGroups(entries: PageEntries): CodeSplittingGroup[] {
  // One chunking pass asks about every module with the same graph: the closures are made once.
  const passes = new WeakMap<ModuleGraph, ReturnType<typeof pageChunkOf>>();
  const chunkOf = (moduleId: string, graph: ModuleGraph) => {
    let rule = passes.get(graph);
    if (!rule) passes.set(graph, (rule = pageChunkOf(graph, entries)));
    return rule(moduleId);
  };
  const group = (name: 'app' | 'SignedInRoot', priority: number): CodeSplittingGroup => ({
    debugName: name,
    priority,
    name: (moduleId, ctx) => (chunkOf(moduleId, ctx) === name ? name : null),
  });
  return [group('app', 2), group('SignedInRoot', 1)];
}
