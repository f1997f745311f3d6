// Which failures of a money request leave its outcome unknown. A request that never left this
// machine charged nothing; a refusal from GreenCloud (declined, validation, 4xx) charged nothing.
// A timeout or a dropped connection after the request was sent, or a 5xx from the server or a
// gateway in front of it (502/503/504), may come after GreenCloud charged the card.

import { AppError } from '../common/app-error';
import type { Account, InvoiceSummary } from '../common/api-schemas';
import type { MoneyBefore, MoneyIntent } from './money-intent';

export function isOutcomeUnknown(error: unknown): boolean {
  if (!(error instanceof AppError)) return false;
  if (error.kind === 'server') return true;
  return (error.kind === 'timeout' || error.kind === 'offline') && error.requestSent === true;
}

/**
 * Decides, from the account and invoice list read afterwards, whether the action happened. A
 * charge leaves an invoice: one not in the list from before means it went through. A plan switch
 * charges nothing, so the plan itself says.
 */
export function didGoThrough(
  intent: MoneyIntent,
  before: MoneyBefore,
  account: Account,
  invoices: readonly InvoiceSummary[],
): boolean {
  const known = new Set(before.invoiceIds);
  const newInvoice = invoices.some((invoice) => !known.has(invoice.id));
  switch (intent.action) {
    case 'refill':
      return newInvoice;
    case 'set-bundle':
      return newInvoice && account.bundle?.name === intent.bundle;
    case 'change-bundle':
      return account.bundle?.name === intent.bundle;
  }
}
