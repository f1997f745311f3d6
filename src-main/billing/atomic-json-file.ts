// A small JSON file written so that a crash or power cut leaves either the old content or the new,
// never half of each: write a temporary file beside it, flush it to disk, then rename it over the
// old one (rename is atomic on the same file system).

import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/** A write's temporary file, `<file>.json.<12 hex>.tmp`: one left behind means a write was cut off. */
export const atomicTempFile = /^[^/\\]+\.json\.[0-9a-f]{12}\.tmp$/;

export async function writeJsonAtomically(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(temporary, 'w', 0o600);
  try {
    await handle.writeFile(JSON.stringify(value));
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** The parsed file, or undefined when it is missing or not JSON. */
export async function readJsonFile(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

export async function removeFile(path: string): Promise<void> {
  await rm(path, { force: true });
}
