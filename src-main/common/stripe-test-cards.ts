// Stripe's documented test cards (docs.stripe.com/testing), as the sandbox plays them: each test
// card number stands for one of Stripe's test PaymentMethod IDs, and the ID decides the outcome.
// The card window's sandbox form maps a typed number to its ID inside its own page; the sandbox
// server reads `declined` to refuse the same IDs Stripe refuses. Pure data: no card number ever
// leaves the card window, this table only lets the page recognise Stripe's published ones.

export type TestCardOutcome = 'succeeds' | 'declined';

export interface StripeTestCard {
  number: string;
  paymentMethod: string;
  brand: string;
  /** What Stripe documents for the card, in the words the sandbox form shows. */
  what: string;
  outcome: TestCardOutcome;
}

const card = (
  number: string,
  paymentMethod: string,
  brand: string,
  what: string,
  outcome: TestCardOutcome = 'succeeds',
): StripeTestCard => ({ number, paymentMethod, brand, what, outcome });

export const stripeTestCards: readonly StripeTestCard[] = [
  // Cards by brand: every charge succeeds.
  card('4242424242424242', 'pm_card_visa', 'visa', 'Visa'),
  card('4000056655665556', 'pm_card_visa_debit', 'visa', 'Visa (debit)'),
  card('5555555555554444', 'pm_card_mastercard', 'mastercard', 'Mastercard'),
  card('2223003122003222', 'pm_card_mastercard', 'mastercard', 'Mastercard (2-series)'),
  card('5200828282828210', 'pm_card_mastercard_debit', 'mastercard', 'Mastercard (debit)'),
  card('5105105105105100', 'pm_card_mastercard_prepaid', 'mastercard', 'Mastercard (prepaid)'),
  card('378282246310005', 'pm_card_amex', 'amex', 'American Express'),
  card('371449635398431', 'pm_card_amex', 'amex', 'American Express'),
  card('6011111111111117', 'pm_card_discover', 'discover', 'Discover'),
  card('6011000990139424', 'pm_card_discover', 'discover', 'Discover'),
  card('3056930009020004', 'pm_card_diners', 'diners', 'Diners Club'),
  card('36227206271667', 'pm_card_diners', 'diners', 'Diners Club (14 digits)'),
  card('3566002020360505', 'pm_card_jcb', 'jcb', 'JCB'),
  card('6200000000000005', 'pm_card_unionpay', 'unionpay', 'UnionPay'),
  // Cards that succeed with a twist Stripe documents.
  card('4000000000000077', 'pm_card_bypassPending', 'visa', 'Visa, funds available at once'),
  card('4000000000000259', 'pm_card_createDispute', 'visa', 'Visa, charge later disputed'),
  // Declines: Stripe refuses every charge with these.
  card('4000000000000002', 'pm_card_chargeDeclined', 'visa', 'Declined (generic)', 'declined'),
  card(
    '4000000000009995',
    'pm_card_chargeDeclinedInsufficientFunds',
    'visa',
    'Declined: insufficient funds',
    'declined',
  ),
  card(
    '4000000000009987',
    'pm_card_chargeDeclinedLostCard',
    'visa',
    'Declined: lost card',
    'declined',
  ),
  card(
    '4000000000009979',
    'pm_card_chargeDeclinedStolenCard',
    'visa',
    'Declined: stolen card',
    'declined',
  ),
  card(
    '4000000000000069',
    'pm_card_chargeDeclinedExpiredCard',
    'visa',
    'Declined: expired card',
    'declined',
  ),
  card(
    '4000000000000127',
    'pm_card_chargeDeclinedIncorrectCvc',
    'visa',
    'Declined: incorrect CVC',
    'declined',
  ),
  card(
    '4000000000000119',
    'pm_card_chargeDeclinedProcessingError',
    'visa',
    'Declined: processing error',
    'declined',
  ),
  card(
    '4000000000006975',
    'pm_card_visa_chargeDeclinedVelocityLimitExceeded',
    'visa',
    'Declined: too many charges',
    'declined',
  ),
  card(
    '4000000000000341',
    'pm_card_chargeCustomerFail',
    'visa',
    'Saved, but every charge fails',
    'declined',
  ),
  card('4100000000000019', 'pm_card_radarBlock', 'visa', 'Blocked as fraudulent', 'declined'),
];

/** Stripe's test number whose check digit is wrong: Stripe answers "incorrect number". */
export const incorrectTestNumber = '4242424242424241';

/** Digits only: people type card numbers with spaces or dashes. */
export function cardDigits(typed: string): string {
  return typed.replace(/[\s-]/g, '');
}

export function findTestCard(typed: string): StripeTestCard | undefined {
  const digits = cardDigits(typed);
  return stripeTestCards.find((testCard) => testCard.number === digits);
}

const declinedIds = new Set(
  stripeTestCards.filter((c) => c.outcome === 'declined').map((c) => c.paymentMethod),
);

/**
 * Every test PaymentMethod ID Stripe documents as declined: the table's, and the
 * `pm_card_chargeDeclined…` and `pm_card_visa_chargeDeclined…` families by their prefix.
 */
export function isDeclinedTestPaymentMethod(paymentMethod: string): boolean {
  return (
    declinedIds.has(paymentMethod) ||
    paymentMethod.startsWith('pm_card_chargeDeclined') ||
    paymentMethod.startsWith('pm_card_visa_chargeDeclined')
  );
}

/** Brand and last four of a test ID, for the sandbox's invoices. */
export function testCardFor(paymentMethod: string): { brand: string; last4: string } | undefined {
  const found = stripeTestCards.find((c) => c.paymentMethod === paymentMethod);
  return found ? { brand: found.brand, last4: found.number.slice(-4) } : undefined;
}
