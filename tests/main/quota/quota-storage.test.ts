import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alertState } from '../../../src-main/quota/alert-policy';
import { createFileQuotaStorage, loadChecked } from '../../../src-main/quota/quota-storage';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quota-storage-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('file quota storage', () => {
  it('saves atomically and loads back, the last save winning', async () => {
    const storage = createFileQuotaStorage(join(dir, 'nested'));
    await Promise.all([storage.save('quota-mute', { n: 1 }), storage.save('quota-mute', { n: 2 })]);
    expect(await storage.load('quota-mute')).toEqual({ n: 2 });
    expect(await readdir(join(dir, 'nested'))).toEqual(['quota-mute.json']); // no temp files left
  });

  it('treats a missing, corrupt or wrongly shaped file as absent', async () => {
    const storage = createFileQuotaStorage(dir);
    expect(await storage.load('quota-alerts-x')).toBeUndefined();
    await writeFile(join(dir, 'quota-alerts-x.json'), '{"version":1,"bund');
    expect(await loadChecked(storage, 'quota-alerts-x', alertState)).toBeUndefined();
    await writeFile(join(dir, 'quota-alerts-x.json'), '{"version":2}');
    expect(await loadChecked(storage, 'quota-alerts-x', alertState)).toBeUndefined();
  });

  it('refuses names that could leave the folder', async () => {
    const storage = createFileQuotaStorage(dir);
    await expect(storage.save('../escape', {})).rejects.toThrow();
    expect(
      JSON.parse(await readFile(join(dir, '..', 'escape.json'), 'utf8').catch(() => 'null')),
    ).toBeNull();
  });
});
