// Card: changing the payment method, and the refusals GreenCloud makes (auto-pay on, changed in
// the last 24 hours, a declined card) told in words. Run in "Try the sandbox", where the app offers
// Stripe's test payment method IDs to pick from.

import type { Page } from '@playwright/test';
import { test, expect } from './harness/app-fixture';
import { openView, trySandbox } from './harness/flows';
import { captureView } from './harness/screens';

const dayMs = 24 * 3600 * 1000;

async function changeCardTo(page: Page, paymentMethod: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Change payment method' });
  await form.getByRole('radio', { name: new RegExp(`^${paymentMethod} `) }).check();
  await form.getByRole('button', { name: 'Change payment method' }).click();
}

/** The local date and time as the app writes it for a moment `ms` from now, give or take a minute. */
async function shownTimesFromNow(page: Page, ms: number): Promise<string[]> {
  return page.evaluate((wait) => {
    const format = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
    return [-60_000, 0, 60_000].map((skew) => format.format(Date.now() + wait + skew));
  }, ms);
}

test.describe('Card', () => {
  test.beforeEach(async ({ app }) => {
    await trySandbox(app);
    await openView(app.page, 'Card');
    await expect(app.page.getByRole('heading', { name: 'Card', level: 1 })).toBeVisible();
  });

  test('never asks for a card number, only a payment method ID', async ({ app }) => {
    const { page } = app;
    const form = page.getByRole('form', { name: 'Change payment method' });
    await expect(form.getByRole('radio', { name: /^pm_card_visa / })).toBeVisible();
    await expect(form.getByRole('radio', { name: /^pm_card_chargeDeclined / })).toBeVisible();
    await form.getByRole('radio', { name: 'Another payment method ID' }).check();
    await expect(form.getByRole('textbox', { name: 'Payment method ID' })).toHaveAttribute(
      'placeholder',
      'pm_…',
    );

    await expect(page.getByLabel(/card number|cvc|expir/i)).toHaveCount(0);
    await expect(page.getByPlaceholder(/card number|\d{4} \d{4}|cvc|mm ?\/ ?yy/i)).toHaveCount(0);
    await expect(page.locator('input[autocomplete^="cc-"]')).toHaveCount(0);
  });

  test('auto-renewal blocks a change until it is turned off; then once a day only', async ({
    app,
  }) => {
    const { page, control } = app;
    await changeCardTo(page, 'pm_card_mastercard');
    const refusal = page.getByTestId('card-refused');
    await expect(refusal).toContainText('cannot be changed while auto-renewal is on');
    await expect(refusal).toContainText('Turn off Bundle auto-renewal under Security → Flags');
    await captureView(page, 'card-refused-auto-renewal');

    await refusal.getByRole('button', { name: 'Open Flags' }).click();
    await expect(page.getByRole('heading', { name: 'Flags', level: 1 })).toBeVisible();
    const renewal = page.getByRole('switch', { name: 'Bundle auto-renewal' });
    await expect(renewal).toBeChecked();
    await renewal.click();
    await expect(renewal).not.toBeChecked();
    await expect.poll(() => control.countRequests('PUT', '/v1/user/flags')).toBe(1);

    await openView(page, 'Card');
    await changeCardTo(page, 'pm_card_mastercard');
    await expect(page.getByTestId('card-done')).toContainText(
      'Your payment method has been changed.',
    );

    // A second change the same day is refused with the local time it becomes possible.
    await control.advanceClock(1800);
    await changeCardTo(page, 'pm_card_visa');
    await expect(refusal).toContainText('The card can be changed once every 24 hours.');
    // Half an hour has passed on the server, so the change is possible again 23.5 hours from now.
    const shown = (await refusal.textContent()) ?? '';
    const expected = await shownTimesFromNow(page, dayMs - 1800_000);
    expect(
      expected.some((time) => shown.includes(`You can change it again after ${time}.`)),
      `"${shown}" names one of ${expected.join(' / ')}`,
    ).toBe(true);
    await captureView(page, 'card-refused-too-soon');
    const cardCalls = (await control.requests()).filter((r) => r.path === '/v1/user/card');
    expect(cardCalls.map((r) => r.status)).toEqual([403, 204, 429]);
  });

  test('a declined card on file can be replaced even with auto-pay on; a declined new one cannot', async ({
    app,
  }) => {
    const { page, control } = app;
    await control.setAccount('demo@greencloud.test', { cardDeclined: true });

    await changeCardTo(page, 'pm_card_chargeDeclined');
    const form = page.getByRole('form', { name: 'Change payment method' });
    await expect(form.getByRole('alert')).toHaveText(
      'Your card was declined and nothing was charged. Try another card.',
    );
    await expect(page.getByTestId('card-done')).toBeHidden();
    await captureView(page, 'card-refused-declined');

    // The declined attempt did not use up the day's change.
    await changeCardTo(page, 'pm_card_visa');
    await expect(page.getByTestId('card-done')).toBeVisible();
    await expect(form.getByRole('alert')).toBeHidden();
  });
});
