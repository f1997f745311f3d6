// The sandbox card form's check, which runs inside the card window's page: Stripe's test numbers
// become their test IDs; anything else is refused with a sentence; the result never holds the
// number.

import { describe, expect, it } from 'vitest';
import { stripeTestCards } from '../../src-main/common/stripe-test-cards';
import {
  checkTestCard,
  groupCardNumber,
  onlyTestCardsSentence,
} from '../../src-renderer/card/test-card-check';

const now = new Date(2026, 11, 1);

describe('checkTestCard', () => {
  it.each([
    ['4242 4242 4242 4242', 'pm_card_visa', 'visa'],
    ['5555555555554444', 'pm_card_mastercard', 'mastercard'],
    ['4000 0000 0000 0002', 'pm_card_chargeDeclined', 'visa'],
    ['4000-0000-0000-9995', 'pm_card_chargeDeclinedInsufficientFunds', 'visa'],
  ])('%s → %s', (number, paymentMethod, brand) => {
    const checked = checkTestCard({ number, expiry: '12 / 34', cvc: '123' }, now);
    expect(checked).toEqual({
      ok: true,
      card: {
        kind: 'card',
        paymentMethod,
        brand,
        last4: number.slice(-4),
        expMonth: 12,
        expYear: 2034,
      },
    });
  });

  it('maps every documented test card and never returns its number', () => {
    for (const testCard of stripeTestCards) {
      const cvc = testCard.brand === 'amex' ? '1234' : '123';
      const checked = checkTestCard({ number: testCard.number, expiry: '0130', cvc }, now);
      expect(checked.ok).toBe(true);
      expect(JSON.stringify(checked)).not.toContain(testCard.number);
    }
  });

  it('refuses a number that is not a Stripe test card, and the incorrect-number test card', () => {
    expect(
      checkTestCard({ number: '4111 1111 1111 1112', expiry: '12/34', cvc: '123' }, now),
    ).toEqual({
      ok: false,
      problems: { number: onlyTestCardsSentence },
    });
    const wrong = checkTestCard({ number: '4242424242424241', expiry: '12/34', cvc: '123' }, now);
    expect(wrong.ok === false && wrong.problems.number).toBe('Your card number is incorrect.');
  });

  it('wants a future expiry and a CVC of the brand’s length', () => {
    const past = checkTestCard({ number: '4242424242424242', expiry: '11/26', cvc: '12' }, now);
    expect(past).toEqual({
      ok: false,
      problems: {
        expiry: 'That expiry date is in the past.',
        cvc: 'Enter the 3-digit security code (CVC).',
      },
    });
    const amex = checkTestCard({ number: '378282246310005', expiry: '12/26', cvc: '123' }, now);
    expect(amex.ok === false && amex.problems.cvc).toBe('Enter the 4-digit security code (CVC).');
    const month = checkTestCard({ number: '4242424242424242', expiry: '13/30', cvc: '123' }, now);
    expect(month.ok === false && month.problems.expiry).toContain('MM / YY');
  });

  it('groups digits as typed: 4-4-4-4, and 4-6-5 for American Express', () => {
    expect(groupCardNumber('4242424242424242')).toBe('4242 4242 4242 4242');
    expect(groupCardNumber('378282246310005')).toBe('3782 822463 10005');
  });
});
