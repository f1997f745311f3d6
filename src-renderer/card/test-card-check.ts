// The sandbox's test-card form, checked inside the card window: a number Stripe publishes as a test
// card becomes its test PaymentMethod ID; any other number is refused. Nothing here keeps,
// returns or logs the number: the result holds the ID, brand, last four and expiry only.

import type { ChosenCard } from '../../src-main/common/card-choice';
import {
  cardDigits,
  findTestCard,
  incorrectTestNumber,
} from '../../src-main/common/stripe-test-cards';

export interface TestCardInput {
  number: string;
  expiry: string;
  cvc: string;
}

export type TestCardProblems = Partial<Record<keyof TestCardInput, string>>;

export type TestCardCheck =
  { ok: true; card: ChosenCard } | { ok: false; problems: TestCardProblems };

export const onlyTestCardsSentence =
  "The sandbox takes Stripe's test cards only, such as 4242 4242 4242 4242.";

/** "04/29", "4 / 29", "0429": month and two- or four-digit year. */
function readExpiry(typed: string): { month: number; year: number } | undefined {
  const match = /^\s*(\d{1,2})\s*\/?\s*(\d{2}|\d{4})\s*$/.exec(typed);
  if (!match) return undefined;
  const month = Number(match[1]);
  const year = match[2]!.length === 2 ? 2000 + Number(match[2]) : Number(match[2]);
  return month >= 1 && month <= 12 ? { month, year } : undefined;
}

export function checkTestCard(input: TestCardInput, now: Date): TestCardCheck {
  const problems: TestCardProblems = {};
  const digits = cardDigits(input.number);
  const testCard = findTestCard(digits);
  if (digits === '') problems.number = 'Enter the card number.';
  else if (digits === incorrectTestNumber) problems.number = 'Your card number is incorrect.';
  else if (!testCard) problems.number = onlyTestCardsSentence;

  const expiry = readExpiry(input.expiry);
  if (input.expiry.trim() === '') problems.expiry = 'Enter the expiry date.';
  else if (!expiry) problems.expiry = 'Enter the expiry as MM / YY, for example 12 / 34.';
  else if (expiry.year * 12 + expiry.month < now.getFullYear() * 12 + now.getMonth() + 1)
    problems.expiry = 'That expiry date is in the past.';

  const cvcLength = testCard?.brand === 'amex' ? 4 : 3;
  if (!new RegExp(`^\\d{${cvcLength}}$`).test(input.cvc.trim()))
    problems.cvc = `Enter the ${cvcLength}-digit security code (CVC).`;

  if (!testCard || !expiry || Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    card: {
      kind: 'card',
      paymentMethod: testCard.paymentMethod,
      brand: testCard.brand,
      last4: testCard.number.slice(-4),
      expMonth: expiry.month,
      expYear: expiry.year,
    },
  };
}

/** "4242 4242 4242 4242" as the user types; Amex's 4-6-5 grouping. */
export function groupCardNumber(typed: string): string {
  const digits = cardDigits(typed).replace(/\D/g, '').slice(0, 19);
  const groups = /^3[47]/.test(digits) ? [4, 6, 5] : [4, 4, 4, 4, 3];
  const parts: string[] = [];
  let at = 0;
  for (const size of groups) {
    if (at >= digits.length) break;
    parts.push(digits.slice(at, at + size));
    at += size;
  }
  return parts.join(' ');
}
