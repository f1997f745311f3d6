// Bundles, refills, the card, the card window, invoices and billing facts of one account. Money
// calls go through that account's MoneyDesk (billing/account-billing.ts): sent at most once per
// intent, answered with the account read once afterwards, or 'unknown' while the desk checks.

import { AppError } from '../../common/app-error';
import { isAllowedExternalUrl } from '../external-links';
import type { AreaHandlers } from '../handler-registry';
import type { SignedInAccount } from '../signed-in-account';
import { forAccount, type CoreContext } from './core-context';

/** Whose billing facts: the account's endpoint and key. */
const owner = (account: SignedInAccount) => ({
  endpoint: account.session.endpoint,
  accountKey: account.accountKey,
});

export function billingHandlers(context: CoreContext): AreaHandlers<'billing'> {
  const { billing } = context;
  return {
    ...forAccount(context, {
      setBundle: (account, request) => account.billing.setBundle(request),
      changeBundle: (account, { name }) => account.billing.changeBundle(name),
      buyRefill: (account) => account.billing.buyRefill(),
      changeCard: (account, { paymentMethod }) =>
        billing.changeCard(owner(account), () => account.client.changeCard(paymentMethod)),
      chooseCard: (account, { purpose }) => billing.chooseCard(owner(account), purpose),
      getMoneyStatus: async (account) => account.billing.status(),
      getBillingPreferences: (account) => billing.view(owner(account)),
      setBillingPreferences: (account, patch) => billing.update(owner(account), patch),
      listInvoices: (account) => account.billing.listInvoices(),
      getInvoice: (account, { id }) => account.client.getInvoice(id),
    }),
    // A receipt link is about no account in particular: only its address is checked.
    openReceipt: async ({ url }) => {
      if (!isAllowedExternalUrl(url)) {
        throw new AppError({
          kind: 'not-allowed',
          message: 'GreenCloud Desktop only opens receipts from Stripe and GreenCloud’s own sites.',
        });
      }
      await context.openExternal(url);
    },
  };
}
