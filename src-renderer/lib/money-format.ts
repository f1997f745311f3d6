// Every amount the Billing page shows, with its currency (src-main/common/money.ts decides which):
// "$9.99", "€9.99". Without a known currency the amount says so in words rather than stand bare.
import { formatMoney, resolveCurrency } from '../../src-main/common/money';
import { formatAmount } from './format';

export function formatPrice(
  amount: number | undefined,
  serverCurrency: string | undefined,
  endpointCurrency: string | undefined,
  /** Mid-sentence ("buys … for <price>") an unknown price reads "a price GreenCloud has not stated". */
  inSentence = false,
): string {
  if (amount === undefined)
    return inSentence ? 'a price GreenCloud has not stated' : 'Price not stated by GreenCloud';
  const currency = resolveCurrency(serverCurrency, endpointCurrency);
  return currency
    ? formatMoney({ amount, currency })
    : `${formatAmount(amount)} (currency not set)`;
}
