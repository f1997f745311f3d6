// What the card window may hand back, and what it is told when it opens. The window returns a
// Stripe PaymentMethod ID with the card's brand, last four digits and expiry, or a choice to go on
// another way; never a card number. Main parses the window's answer with these strict schemas, so
// any extra field (a number, a CVC) is refused rather than carried along.

import { z } from 'zod';

const pmId = z.string().regex(/^pm_[A-Za-z0-9_]{1,200}$/, 'A payment method ID starts with pm_.');

export const chosenCard = z
  .object({
    kind: z.literal('card'),
    paymentMethod: pmId,
    brand: z.string().regex(/^[a-z_]{1,24}$/),
    last4: z.string().regex(/^\d{4}$/),
    expMonth: z.number().int().min(1).max(12),
    expYear: z.number().int().min(2000).max(2200),
  })
  .strict();

export const cardWindowResult = z.discriminatedUnion('kind', [
  chosenCard,
  // "Paste a payment method ID", the advanced way on when no Stripe key is known.
  z.object({ kind: z.literal('pasted'), paymentMethod: pmId }).strict(),
  // "Change the card on the GreenCloud dashboard": main opens it in the browser.
  z.object({ kind: z.literal('dashboard') }).strict(),
]);

export type ChosenCard = z.infer<typeof chosenCard>;
export type CardWindowResult = z.infer<typeof cardWindowResult>;

/** What the card window shows: the sandbox's test-card form, Stripe's Payment Element, or no key. */
export type CardWindowMode = 'sandbox' | 'live' | 'no-key';

export interface CardWindowConfig {
  mode: CardWindowMode;
  /** Stripe publishable key (pk_live_… or pk_test_…): public by design, never a secret key. */
  publishableKey?: string;
  /** What the card is for, so the window can say it: a card change or a new bundle. */
  purpose: 'change-card' | 'set-bundle';
  /** The currency Stripe's Payment Element is set up with (ISO 4217, lower case for Stripe). */
  currency: string;
}

export const cardPurpose = z.enum(['change-card', 'set-bundle']);

const configSchema = z.object({
  mode: z.enum(['sandbox', 'live', 'no-key']),
  publishableKey: z
    .string()
    .regex(/^pk_(live|test)_[A-Za-z0-9]{1,250}$/)
    .optional(),
  purpose: cardPurpose,
  currency: z.string().regex(/^[a-z]{3}$/),
});

/** The window's URL carries its configuration in the query: nothing in it is secret. */
export function cardWindowQuery(config: CardWindowConfig): string {
  const params = new URLSearchParams({
    mode: config.mode,
    purpose: config.purpose,
    currency: config.currency,
  });
  if (config.publishableKey) params.set('pk', config.publishableKey);
  return params.toString();
}

export function readCardWindowQuery(search: string): CardWindowConfig | undefined {
  const params = new URLSearchParams(search);
  const parsed = configSchema.safeParse({
    mode: params.get('mode') ?? undefined,
    publishableKey: params.get('pk') ?? undefined,
    purpose: params.get('purpose') ?? undefined,
    currency: params.get('currency') ?? undefined,
  });
  return parsed.success ? parsed.data : undefined;
}
