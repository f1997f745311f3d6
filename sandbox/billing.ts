// Payments as the sandbox plays them: Stripe's test PaymentMethod IDs decide the outcome, the
// card's brand and last four digits come from the ID, and every charge leaves an invoice.

import { randomBytes } from 'node:crypto';
import { bundleSizes, knownBundlePrices, type BundleName } from '../src-main/common/bundles';
import { isDeclinedTestPaymentMethod, testCardFor } from '../src-main/common/stripe-test-cards';
import type { SandboxAccount, SandboxCard, SandboxState } from './state';

// The docs publish only DEVELOPER's price (9.99). STARTER and ENTERPRISE prices are sandbox-only
// inventions so that refills and invoices have an amount; the real prices are not known.
export const sandboxBundlePrices: Readonly<Record<BundleName, number>> = {
  STARTER: 2.99,
  DEVELOPER: knownBundlePrices.DEVELOPER ?? 9.99,
  ENTERPRISE: 79.99,
};

/** Every test PaymentMethod ID Stripe documents as declined (src-main/common/stripe-test-cards.ts). */
export function isDeclinedPaymentMethod(paymentMethod: string): boolean {
  return isDeclinedTestPaymentMethod(paymentMethod);
}

/** The card a payment method stands for, with the last four digits of Stripe's test numbers. */
export function cardFor(paymentMethod: string): SandboxCard {
  const known = testCardFor(paymentMethod);
  if (known) return { paymentMethod, ...known };
  if (paymentMethod.startsWith('pm_card_visa'))
    return { paymentMethod, brand: 'visa', last4: '4242' };
  if (paymentMethod.startsWith('pm_card_mastercard')) {
    return { paymentMethod, brand: 'mastercard', last4: '4444' };
  }
  return { paymentMethod, brand: 'card', last4: '0000' };
}

export function describeBundle(name: BundleName, what: string): string {
  return `${name} bundle ${what} (${bundleSizes[name].toLocaleString('en-US')} invocations)`;
}

/** Records a paid invoice, newest first, with a Stripe-style receipt link. */
export function recordInvoice(
  state: SandboxState,
  account: SandboxAccount,
  now: number,
  charge: { amount: number; description: string; card: SandboxCard },
): void {
  const id = `inv_${String(state.nextInvoiceNumber++).padStart(6, '0')}`;
  account.invoices.unshift({
    id,
    amount: charge.amount,
    status: 'paid',
    paidDay: Math.floor(now / 1000),
    description: charge.description,
    card: { brand: charge.card.brand, last4: charge.card.last4 },
    receiptUrl: receiptUrlFor(id),
  });
}

export function receiptUrlFor(invoiceId: string): string {
  return `https://pay.stripe.com/receipts/acct_1GreenCloudSandbox/${invoiceId}/rcpt_${randomBytes(12).toString('hex')}`;
}
