import { describe, expect, it } from 'vitest';
import { pageChunkOf, staticClosure } from '../../scripts/renderer-chunks';

/** A module graph as rolldown's chunking context shows it: static imports by module id. */
function graph(imports: Record<string, string[]>) {
  return {
    getModuleInfo: (id: string) => (id in imports ? { importedIds: imports[id]! } : null),
  };
}

const modules = graph({
  '/r/main.ts': ['/r/start-window.ts'],
  '/r/signed-in-main.ts': ['/r/start-window.ts', '/r/SignedInRoot.svelte'],
  '/r/start-window.ts': ['/r/App.svelte', '/w/node_modules/svelte/index.js'],
  '/r/App.svelte': ['/r/SignIn.svelte', '/w/node_modules/svelte/index.js'],
  '/r/SignIn.svelte': ['/r/App.svelte'],
  '/r/SignedInRoot.svelte': ['/r/Shell.svelte', '/r/App.svelte'],
  '/r/Shell.svelte': ['/w/node_modules/svelte/index.js', '/w/node_modules/lucide/index.js'],
  '/w/node_modules/svelte/index.js': [],
  '/w/node_modules/lucide/index.js': [],
  '/r/after-quota.ts': ['/r/Billing.svelte'],
  '/r/Billing.svelte': [],
}).getModuleInfo;

describe('staticClosure', () => {
  it('follows static imports through cycles, and nothing else', () => {
    expect([...staticClosure({ getModuleInfo: modules }, '/r/main.ts')].sort()).toEqual([
      '/r/App.svelte',
      '/r/SignIn.svelte',
      '/r/main.ts',
      '/r/start-window.ts',
      '/w/node_modules/svelte/index.js',
    ]);
  });
});

describe('pageChunkOf', () => {
  const chunkOf = pageChunkOf(
    { getModuleInfo: modules },
    { signIn: '/r/main.ts', signedIn: '/r/signed-in-main.ts' },
  );

  it('puts what the sign-in entry imports in app, and neither entry module', () => {
    expect(chunkOf('/r/start-window.ts')).toBe('app');
    expect(chunkOf('/r/App.svelte')).toBe('app');
    expect(chunkOf('/r/SignIn.svelte')).toBe('app');
    expect(chunkOf('/r/main.ts')).toBeUndefined();
    expect(chunkOf('/r/signed-in-main.ts')).toBeUndefined();
  });

  it('puts the rest of what the signed-in entry imports in SignedInRoot', () => {
    expect(chunkOf('/r/SignedInRoot.svelte')).toBe('SignedInRoot');
    expect(chunkOf('/r/Shell.svelte')).toBe('SignedInRoot');
  });

  it('leaves lazy modules, packages and virtual modules to rolldown', () => {
    expect(chunkOf('/r/after-quota.ts')).toBeUndefined();
    expect(chunkOf('/r/Billing.svelte')).toBeUndefined();
    // A package follows the modules that use it: through lucide's index every icon is reachable.
    expect(chunkOf('/w/node_modules/svelte/index.js')).toBeUndefined();
    expect(chunkOf('/w/node_modules/lucide/index.js')).toBeUndefined();
  });
});
