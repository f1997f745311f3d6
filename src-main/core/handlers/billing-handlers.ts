// Bundles, refills, the card and invoices of one account. Money calls answer with the account
// fetched afresh, so the view and the quota watcher see the new quota at once.

import { AppError } from '../../common/app-error';
import { isAllowedExternalUrl } from '../external-links';
import type { AreaHandlers } from '../handler-registry';
import { forAccount, type CoreContext } from './core-context';

export function billingHandlers(context: CoreContext): AreaHandlers<'billing'> {
  return {
    ...forAccount(context, {
      setBundle: async (account, request) => {
        await account.client.setBundle(request);
        return account.refresh();
      },
      changeBundle: async (account, { name }) => {
        await account.client.changeBundle(name);
        return account.refresh();
      },
      buyRefill: async (account) => {
        await account.client.buyRefill();
        return account.refresh();
      },
      changeCard: (account, { paymentMethod }) => account.client.changeCard(paymentMethod),
      listInvoices: (account) => account.client.listInvoices(),
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
