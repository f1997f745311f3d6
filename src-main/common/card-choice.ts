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

export type { CardWindowConfig, CardWindowMode } from './card-window-config';

export const cardPurpose = z.enum(['change-card', 'set-bundle']);
export type CardPurpose = z.infer<typeof cardPurpose>;
