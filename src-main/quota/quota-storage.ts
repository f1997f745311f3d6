// Persistence for the watcher's small state files (alert state, mute, history) as JSON in the app's
// data folder. Writes go to a temporary file that is flushed to disk (fsync) and then renamed into
// place, and the folder is flushed after the rename: a crash or power cut at any moment leaves
// either the previous version or the new one, never half a file or an empty one. A file that cannot be read back as valid JSON that
// matches its schema is treated as absent: the watcher starts fresh instead of failing.

import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';

export interface QuotaStorage {
  /** The stored value, or undefined when there is none or it is unreadable. */
  load(name: string): Promise<unknown | undefined>;
  save(name: string, value: unknown): Promise<void>;
}

// Names become file names: keep them to a safe alphabet so no name can leave the folder.
const safeName = /^[a-z0-9][a-z0-9-]{0,99}$/;

/** A write's temporary file, `<name>.json.<pid>.<n>.tmp`: one left behind means a write was cut off. */
export const quotaTempFile = /^[a-z0-9][a-z0-9-]{0,99}\.json\.\d+\.\d+\.tmp$/;

function fileName(name: string): string {
  if (!safeName.test(name)) throw new Error(`Invalid quota storage name: ${name}`);
  return `${name}.json`;
}

export function createFileQuotaStorage(dir: string): QuotaStorage {
  // Saves of the same name run one after another, so an older value never lands after a newer one.
  const queues = new Map<string, Promise<void>>();
  let tmpCounter = 0;

  async function write(name: string, value: unknown): Promise<void> {
    const target = join(dir, fileName(name));
    const tmp = `${target}.${process.pid}.${++tmpCounter}.tmp`;
    await mkdir(dir, { recursive: true });
    try {
      const file = await open(tmp, 'w', 0o600);
      try {
        await file.writeFile(JSON.stringify(value), 'utf8');
        // Without this the rename can reach the disk before the data does: after a power cut the
        // file would exist under its real name, empty.
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(tmp, target);
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
    await syncFolder(dir);
  }

  return {
    async load(name) {
      let text: string;
      try {
        text = await readFile(join(dir, fileName(name)), 'utf8');
      } catch {
        return undefined;
      }
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return undefined;
      }
    },
    save(name, value) {
      const previous = queues.get(name) ?? Promise.resolve();
      const next = previous.catch(() => undefined).then(() => write(name, value));
      queues.set(name, next);
      return next;
    },
  };
}

/** Makes the rename itself durable. Windows cannot open a folder for this; there it is skipped. */
async function syncFolder(dir: string): Promise<void> {
  try {
    const folder = await open(dir, 'r');
    try {
      await folder.sync();
    } finally {
      await folder.close();
    }
  } catch {
    // ignored on purpose: see above
  }
}

/** Loads and schema-checks a value; anything missing, corrupt or of an old shape gives undefined. */
export async function loadChecked<S extends z.ZodType>(
  storage: QuotaStorage,
  name: string,
  schema: S,
): Promise<z.output<S> | undefined> {
  let value: unknown;
  try {
    value = await storage.load(name);
  } catch {
    return undefined;
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
