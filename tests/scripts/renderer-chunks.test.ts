import { describe, expect, it } from 'vitest';
import { inAppChunk, staticClosure } from '../../scripts/renderer-chunks';

/** A module graph as rolldown's chunking context shows it: static imports by module id. */
function graph(imports: Record<string, string[]>) {
  return { getModuleInfo: (id: string) => (id in imports ? { importedIds: imports[id]! } : null) };
}

const modules = graph({
  '/r/main.ts': ['/r/start-window.ts'],
  '/r/signed-in-main.ts': ['/r/start-window.ts', '/r/SignedInRoot.svelte'],
  '/r/start-window.ts': [
    '/r/App.svelte',
    '/w/node_modules/svelte/index.js',
    '\0vite/preload-helper.js',
  ],
  '\0vite/preload-helper.js': [],
  '/r/App.svelte': ['/r/SignIn.svelte', '/w/node_modules/svelte/index.js'],
  '/r/SignIn.svelte': ['/r/App.svelte', '/w/node_modules/lucide/index.js'],
  '/r/SignedInRoot.svelte': ['/r/Shell.svelte', '/r/App.svelte'],
  '/r/Shell.svelte': ['/w/node_modules/svelte/index.js', '/w/node_modules/lucide/index.js'],
  '/w/node_modules/svelte/index.js': [],
  '/w/node_modules/lucide/index.js': [],
});

describe('staticClosure', () => {
  it('follows static imports through cycles, and nothing else', () => {
    expect([...staticClosure(modules, '/r/main.ts')].sort()).toEqual([
      '\0vite/preload-helper.js',
      '/r/App.svelte',
      '/r/SignIn.svelte',
      '/r/main.ts',
      '/r/start-window.ts',
      '/w/node_modules/lucide/index.js',
      '/w/node_modules/svelte/index.js',
    ]);
  });
});

describe('inAppChunk', () => {
  const inApp = inAppChunk(modules, '/r/main.ts');

  it('holds what the sign-in entry imports statically, but not the entry module itself', () => {
    expect(inApp('/r/start-window.ts')).toBe(true);
    expect(inApp('/r/App.svelte')).toBe(true);
    expect(inApp('/r/SignIn.svelte')).toBe(true);
    expect(inApp('/r/main.ts')).toBe(false);
  });

  it('leaves the signed-in side to its entry chunk', () => {
    expect(inApp('/r/signed-in-main.ts')).toBe(false);
    expect(inApp('/r/SignedInRoot.svelte')).toBe(false);
    expect(inApp('/r/Shell.svelte')).toBe(false);
  });

  it('leaves packages and virtual modules to rolldown', () => {
    // A package follows the modules that use it: through lucide's index every icon is reachable.
    expect(inApp('/w/node_modules/svelte/index.js')).toBe(false);
    expect(inApp('/w/node_modules/lucide/index.js')).toBe(false);
    expect(inApp('\0vite/preload-helper.js')).toBe(false);
  });
});
