// The main process's young-generation cap, on this Node's V8 in fresh processes: the same burst of
// allocation grows V8's young generation to several times its start size without the cap and not
// at all with it. (Electron's V8 takes the same flag; only the Electron binary can show that.)

import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const run = promisify(execFile);
const child = join(import.meta.dirname, 'helpers', 'young-generation-child.ts');

async function youngGenerationMiB(mode: 'capped' | 'default'): Promise<number> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', child, mode]);
  return Number(stdout.trim());
}

it('keeps the young generation at its start size through a burst of work', async () => {
  const [capped, grown] = await Promise.all([
    youngGenerationMiB('capped'),
    youngGenerationMiB('default'),
  ]);
  expect(grown).toBeGreaterThanOrEqual(4 * capped);
  expect(capped).toBeGreaterThan(0);
  expect(capped).toBeLessThanOrEqual(16);
}, 30_000);
