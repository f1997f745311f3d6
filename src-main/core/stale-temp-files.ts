// At start, the temporary files that writes cut off by a crash left behind are removed. Every
// crash-safe writer (settings, quota history, alert state and mute, billing files) writes a
// temporary file beside its target and renames it into place; a process killed in between leaves
// the temporary file, one per crash, for ever. Only names of the writers' own temporary-file
// patterns are touched, and only at start: no write of this process is in flight yet, and the
// single-instance lock keeps another copy of the app from writing into the same folder.

import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { atomicTempFile } from '../billing/atomic-json-file';
import { quotaTempFile } from '../quota/quota-storage';
import { settingsTempFile } from '../settings/settings-backend-options';

const writersTempFiles = [settingsTempFile, quotaTempFile, atomicTempFile];

export function isStaleTempFile(name: string): boolean {
  return writersTempFiles.some((pattern) => pattern.test(name));
}

/** Removes the writers' temporary files directly inside each folder; returns how many went. */
export async function removeStaleTempFiles(dirs: readonly string[]): Promise<number> {
  let removed = 0;
  for (const dir of dirs) {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      continue; // a folder not made yet holds nothing to clean
    }
    for (const name of names.filter(isStaleTempFile)) {
      try {
        await rm(join(dir, name), { force: true });
        removed += 1;
      } catch {
        // One that cannot be removed now (permissions) is tried again at the next start.
      }
    }
  }
  return removed;
}
