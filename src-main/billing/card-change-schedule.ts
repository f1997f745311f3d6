// When the card may be changed again. GreenCloud allows one change every 24 hours and does not say
// when the last one was, so the app remembers what it learnt itself: the moment it changed the
// card, or the time a refusal's Retry-After named. Kept per account (by a hash of its key, no
// email), in a small file, so the form can say so before the customer submits.

import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { readJsonFile, writeJsonAtomically } from './atomic-json-file';

export const cardChangeIntervalMs = 24 * 3600 * 1000;

const stored = z.record(z.string(), z.number());

export class CardChangeSchedule {
  readonly #path: string;

  constructor(dataDir: string) {
    this.#path = join(dataDir, 'billing', 'card-changes.json');
  }

  async nextChangeAt(accountKey: string, now: number): Promise<number | undefined> {
    const at = (await this.#all())[hash(accountKey)];
    return at !== undefined && at > now ? at : undefined;
  }

  async remember(accountKey: string, nextAt: number): Promise<void> {
    const all = await this.#all();
    await writeJsonAtomically(this.#path, { ...all, [hash(accountKey)]: nextAt }).catch(
      () => undefined, // only a hint for the form: the server stays the judge
    );
  }

  async #all(): Promise<Record<string, number>> {
    const parsed = stored.safeParse(await readJsonFile(this.#path));
    return parsed.success ? parsed.data : {};
  }
}

function hash(accountKey: string): string {
  return createHash('sha256').update(accountKey).digest('hex').slice(0, 24);
}
