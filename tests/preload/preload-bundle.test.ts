// The preload builds window.greencloud from the contract's names alone: bundled, it carries no zod
// (the schemas stay in main, which parses every payload), and every name has its schema there.
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { bridgeCalls } from '../../src-main/common/bridge-contract';
import { bridgeCallNames } from '../../src-main/common/bridge-names';

describe('the preload bundle', () => {
  it('holds the call names and none of zod', async () => {
    const result = await build({
      entryPoints: ['src-preload/preload.ts'],
      bundle: true,
      write: false,
      format: 'cjs',
      platform: 'node',
      external: ['electron'],
      metafile: true,
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((path) => path.includes('node_modules'))).toEqual([]);
    expect(inputs).not.toContain('src-main/common/bridge-contract.ts');
    const text = result.outputFiles[0]!.text;
    expect(text).toContain('greencloud:call:');
    expect(text.length).toBeLessThan(8_000);
  });

  it('names exactly the calls the contract has schemas for', () => {
    expect([...bridgeCallNames].sort()).toEqual(Object.keys(bridgeCalls).sort());
  });
});
