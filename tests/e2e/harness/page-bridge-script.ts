// page-bridge.ts bundled into one script for Playwright's addInitScript: the e2e harness and the
// view-load benchmark inject the same bridge.
import { resolve } from 'node:path';
import { build } from 'esbuild';

export async function buildPageBridgeScript(): Promise<string> {
  const result = await build({
    entryPoints: [resolve('tests/e2e/harness/page-bridge.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
  });
  return result.outputFiles[0]!.text;
}
