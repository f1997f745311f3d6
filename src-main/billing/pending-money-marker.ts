// The pending marker: written before a money request leaves, removed once its outcome is known.
// It outlives a crash or a restart, so an action whose reply was lost stays blocked until the
// app has checked. It names the action and the state before it, nothing secret: no token, no
// card, no email (the file name is a hash of the account's key).

import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { readJsonFile, removeFile, writeJsonAtomically } from './atomic-json-file';
import {
  moneyBeforeSchema,
  moneyIntentSchema,
  type MoneyBefore,
  type MoneyIntent,
} from './money-intent';

export interface PendingMoney {
  intent: MoneyIntent;
  before: MoneyBefore;
  /** Epoch ms when the request was about to be sent. */
  sentAt: number;
}

const pendingSchema = z.object({
  version: z.literal(1),
  intent: moneyIntentSchema,
  before: moneyBeforeSchema,
  sentAt: z.number(),
});

export interface PendingMoneyMarker {
  read(): Promise<PendingMoney | undefined>;
  write(pending: PendingMoney): Promise<void>;
  clear(): Promise<void>;
}

export function markerFileName(accountKey: string): string {
  return `pending-${createHash('sha256').update(accountKey).digest('hex').slice(0, 24)}.json`;
}

export function createPendingMoneyMarker(dir: string, accountKey: string): PendingMoneyMarker {
  const path = join(dir, markerFileName(accountKey));
  return {
    async read() {
      const parsed = pendingSchema.safeParse(await readJsonFile(path));
      if (!parsed.success) return undefined;
      const { intent, before, sentAt } = parsed.data;
      return { intent, before, sentAt };
    },
    write: (pending) => writeJsonAtomically(path, { version: 1, ...pending }),
    clear: () => removeFile(path),
  };
}
