// Persistence for the watcher's small state files (alert state, mute, history) as JSON in the app's
// data folder. Writes go to a temporary file that is renamed into place, so a crash mid-write leaves
// the previous version rather than half a file. A file that cannot be read back as valid JSON that
// matches its schema is treated as absent: the watcher starts fresh instead of failing.

import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';

export interface QuotaStorage {
  /** The stored value, or undefined when there is none or it is unreadable. */
  load(name: string): Promise<unknown | undefined>;
  save(name: string, value: unknown): Promise<void>;
}

// Names become file names: keep them to a safe alphabet so no name can leave the folder.
const safeName = /^[a-z0-9][a-z0-9-]{0,99}$/;

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
      await writeFile(tmp, JSON.stringify(value), { encoding: 'utf8', mode: 0o600 });
      await rename(tmp, target);
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
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
