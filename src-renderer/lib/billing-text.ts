// How billing facts are written on the page. A plan's price as far as anyone has said it: the
// server's for the current plan, the docs' for DEVELOPER; otherwise unknown, and the views say so
// in words (never as if it were free). A card as "Visa •••• 4242", its expiry as "12/34".
import type { AccountView } from '../../src-main/common/bridge-contract';
import { isBundleName, knownBundlePrices, type BundleName } from '../../src-main/common/bundles';
import type { CardWindowResult } from '../../src-main/common/card-choice';

/** A card window result that names a payment method (a card, or a pasted ID). */
export type PaymentChoice = Extract<CardWindowResult, { paymentMethod: string }>;

export function planPrice(account: AccountView, plan: string): number | undefined {
  if (account.bundle?.name === plan && account.bundle.price !== undefined)
    return account.bundle.price;
  return isBundleName(plan) ? knownBundlePrices[plan as BundleName] : undefined;
}

/** "Visa •••• 4242", or words when the card is not known. */
export function describeCard(card: { brand?: string; last4?: string } | null): string {
  if (!card || (!card.brand && !card.last4)) return 'your card on file';
  const brand = card.brand ? card.brand[0]!.toUpperCase() + card.brand.slice(1) : 'Card';
  // No-break spaces: a sentence never splits "Mastercard •••• 4444" across two lines.
  return card.last4 ? `${brand}\u00a0••••\u00a0${card.last4}` : brand;
}

/**
 * What auto-renewal buys and where it charges ("a new DEVELOPER bundle for $9.99, charged to
 * Visa •••• 4242"): the same words on the Account view's pace line and the Billing page's switch.
 */
export function describeRenewal(
  plan: string,
  priceInSentence: string,
  card: { brand?: string; last4?: string } | null,
): string {
  return `a new ${plan} bundle for ${priceInSentence}, charged to ${describeCard(card)}`;
}

/** "12/34": a card's expiry as printed on it. */
export function describeExpiry(card: { expMonth: number; expYear: number }): string {
  return `${String(card.expMonth).padStart(2, '0')}/${String(card.expYear).slice(-2)}`;
}

/** What the card window handed back: "Visa •••• 4242, expiring 12/34", or the pasted ID. */
export function describeChoice(choice: PaymentChoice): string {
  return choice.kind === 'card'
    ? `${describeCard(choice)}, expiring ${describeExpiry(choice)}`
    : `the payment method ${choice.paymentMethod}`;
}
