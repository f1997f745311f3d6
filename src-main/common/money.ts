// Amounts always carry a currency. The API states none today; the app takes the server's when a
// reply names one, otherwise the billing currency the user set for the endpoint (the sandbox
// states USD). Formatting is Intl.NumberFormat's, so "9.99" never appears bare.

export interface Money {
  amount: number;
  /** ISO 4217 code, upper case. */
  currency: string;
}

export const sandboxCurrency = 'USD';

/** The currencies the app offers when it asks which one GreenCloud bills in. */
export const offeredCurrencies = ['USD', 'EUR', 'GBP', 'ARS', 'BRL', 'CAD', 'AUD', 'CHF', 'JPY'];

export function isCurrencyCode(value: string | undefined): value is string {
  if (value === undefined || !/^[A-Za-z]{3}$/.test(value)) return false;
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency: value });
    return true;
  } catch {
    return false;
  }
}

/** The server's currency where it states one, else the endpoint's; undefined until one is known. */
export function resolveCurrency(
  serverCurrency: string | undefined,
  endpointCurrency: string | undefined,
): string | undefined {
  if (isCurrencyCode(serverCurrency)) return serverCurrency.toUpperCase();
  if (isCurrencyCode(endpointCurrency)) return endpointCurrency.toUpperCase();
  return undefined;
}

export function formatMoney(money: Money, locale?: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency }).format(
    money.amount,
  );
}
