// A money action the user asked for once: buy a refill, set a bundle, change the bundle. What the
// app knew just before sending it is kept beside it, so a lost reply can be settled by comparing.

import { z } from 'zod';
import { bundleNames, type BundleName } from '../common/bundles';

export type MoneyIntent =
  | { action: 'refill' }
  | { action: 'set-bundle'; bundle: BundleName }
  | { action: 'change-bundle'; bundle: BundleName };

/** The account and invoice list as they stood before the request: no secrets, no card data. */
export interface MoneyBefore {
  bundle?: string;
  quota?: number;
  invoiceIds: string[];
}

export const moneyIntentSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('refill') }),
  z.object({ action: z.literal('set-bundle'), bundle: z.enum(bundleNames) }),
  z.object({ action: z.literal('change-bundle'), bundle: z.enum(bundleNames) }),
]);

export const moneyBeforeSchema = z.object({
  bundle: z.string().optional(),
  quota: z.number().optional(),
  invoiceIds: z.array(z.string()),
});

/** "the refill", "the STARTER bundle", "the switch to STARTER": for sentences. */
export function describeIntent(intent: MoneyIntent): string {
  switch (intent.action) {
    case 'refill':
      return 'the refill';
    case 'set-bundle':
      return `the ${intent.bundle} bundle`;
    case 'change-bundle':
      return `the switch to ${intent.bundle}`;
  }
}
