// The card window outside the sandbox. Without a Stripe publishable key for the server it says so
// and offers the GreenCloud dashboard (in the browser) or, as an advanced way, a pasted payment
// method ID. With a key, it shows Stripe's Payment Element: Stripe.js is played here by a stand-in
// at its own URLs (Stripe cannot be reached), and the card is typed into the stand-in's frame on
// js.stripe.com, as into Stripe's. The app's currency is asked once for a server that states none.
// Whichever way the card comes back, the change is confirmed in a dialog naming the account.

import { sandboxAccounts } from '../../sandbox/seed-accounts';
import { test, expect } from './harness/app-fixture';
import {
  cardNumberForms,
  clickInCardWindow,
  openBilling,
  openCardWindow,
} from './harness/billing-flows';
import { openView, signInThroughForm } from './harness/flows';
import { lookAt } from './harness/screens';

test('no key: the window says so, opens the dashboard, or takes a pasted payment method ID', async ({
  app,
}) => {
  test.setTimeout(60_000);
  await signInThroughForm(app, sandboxAccounts.empty);
  await openBilling(app);
  const { page, control } = app;
  await expect(page.getByTestId('invoices-empty')).toBeVisible();
  await expect(page.getByTestId('card-on-file')).toContainText('No card shown yet');

  // A custom server states no currency: asked once, then every amount carries it.
  const ask = page.getByRole('form', { name: 'Billing currency' });
  await expect(ask).toContainText('Which currency does GreenCloud bill you in?');
  await expect(page.getByTestId('current-plan')).toContainText('(currency not set)');
  await ask.getByLabel('Currency').selectOption('EUR');
  await ask.getByRole('button', { name: 'Save currency' }).click();
  await expect(ask).toBeHidden();
  await expect(page.getByTestId('current-plan')).toContainText('€2.99');
  await expect(page.getByRole('region', { name: 'Plan' })).toContainText(
    'Price not stated by GreenCloud',
  );
  await lookAt(page, 'billing-no-invoices', 'Billing', true);
  // Where an unknown-price plan can be chosen, the words say so; nothing reads as free.
  await page.getByRole('button', { name: 'Switch to ENTERPRISE' }).click();
  const dialog = page.getByRole('dialog', { name: 'Switch to ENTERPRISE?' });
  await expect(dialog).toContainText('at a price GreenCloud has not stated');
  // Issue 8: a money confirmation names the account it charges.
  await expect(dialog).toContainText(
    'What changes today: the plan of empty@greencloud.test becomes ENTERPRISE.',
  );
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  const cardPage = await openCardWindow(app, 'Change');
  await expect(cardPage.getByTestId('no-key')).toContainText(
    'GreenCloud Desktop has no Stripe key for this server',
  );
  await lookAt(cardPage, 'card-window-no-key', 'Add a card', false);
  await cardPage
    .getByRole('button', { name: 'Change the card on the GreenCloud dashboard' })
    .click();
  await expect(page.getByTestId('card-done')).toHaveText(
    'The GreenCloud dashboard opened in your browser. Change the card there.',
  );
  expect(app.openedUrls).toEqual(['https://greencloud.dev/dashboard/billing']);

  const again = await openCardWindow(app, 'Change');
  await again.getByText('Paste a payment method ID (advanced)').click();
  await again.getByLabel('Payment method ID').fill('card_123');
  await again.getByRole('button', { name: 'Use this payment method ID' }).click();
  await expect(again.getByText('Payment method ID must')).toBeVisible();
  await again.getByLabel('Payment method ID').fill('pm_card_mastercard');
  await clickInCardWindow(again, again.getByRole('button', { name: 'Use this payment method ID' }));
  // A pasted ID is confirmed as it is, for the account it changes; Cancel sends nothing.
  const confirm = page.getByRole('dialog', { name: 'Change the card?' });
  await expect(confirm).toContainText(
    `From now on, the refills and renewals of ${sandboxAccounts.empty.email} are charged to the payment method pm_card_mastercard.`,
  );
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByTestId('card-done')).toHaveCount(0);
  expect((await control.requests()).filter((r) => r.path === '/v1/user/card')).toEqual([]);

  const third = await openCardWindow(app, 'Change');
  await third.getByText('Paste a payment method ID (advanced)').click();
  await third.getByLabel('Payment method ID').fill('pm_card_mastercard');
  await clickInCardWindow(third, third.getByRole('button', { name: 'Use this payment method ID' }));
  await confirm.getByRole('button', { name: 'Change card' }).click();
  await expect(page.getByTestId('card-done')).toHaveText(
    'Your payment method has been changed. The next charge uses it.',
  );
  const cardCalls = (await control.requests()).filter((r) => r.path === '/v1/user/card');
  expect(cardCalls.map((r) => r.status)).toEqual([204]);
});

test('with a publishable key: Stripe’s Payment Element (a stand-in) hands back only the pm_ ID', async ({
  app,
}) => {
  await signInThroughForm(app, sandboxAccounts.empty);
  const { page, control } = app;
  await openView(page, 'Settings');
  const billing = page.getByRole('region', { name: 'Billing' });
  await billing.getByLabel('Stripe publishable key').fill('sk_live_secret');
  await billing.getByRole('button', { name: 'Save key' }).click();
  await expect(billing.getByRole('alert')).toContainText('Never enter a secret key');
  await billing.getByLabel('Stripe publishable key').fill('pk_test_StandInKey123');
  await billing.getByRole('button', { name: 'Save key' }).click();
  await expect(billing.getByText('Saved.')).toBeVisible();

  await openBilling(app);
  const cardPage = await openCardWindow(app, 'Change');
  await expect(cardPage.getByTestId('card-window-mode')).toHaveAttribute('data-mode', 'live');
  // The card page is served with the policy that lets Stripe's hosts in, and only there.
  const policy = await cardPage.evaluate(async () =>
    (await fetch(location.href)).headers.get('content-security-policy'),
  );
  expect(policy).toContain('frame-src https://js.stripe.com');
  const frame = cardPage.frameLocator('iframe[title="Secure card payment input frame"]');
  await frame.getByLabel('Card number').fill('4242 4242 4242 4242');
  await frame.getByLabel('Expiration').fill('12 / 34');
  await frame.getByLabel('CVC').fill('123');
  await lookAt(cardPage, 'card-window-live', 'Add a card', false);
  await clickInCardWindow(cardPage, cardPage.getByRole('button', { name: 'Use this card' }));
  const confirm = page.getByRole('dialog', { name: 'Change the card?' });
  await expect(confirm).toContainText(
    `From now on, the refills and renewals of ${sandboxAccounts.empty.email} are charged to Visa •••• 4242, expiring 12/34.`,
  );
  expect((await control.requests()).filter((r) => r.path === '/v1/user/card')).toEqual([]);
  await confirm.getByRole('button', { name: 'Change card' }).click();

  await expect(page.getByTestId('card-done')).toHaveText(
    'Your card is now Visa •••• 4242, expiring 12/34. The next charge uses it.',
  );
  expect(await cardPage.isClosed()).toBe(true);
  const handedBack = app.bridgeTraffic.find(
    (entry) => typeof entry === 'object' && entry !== null && 'kind' in entry,
  );
  expect(handedBack).toEqual({
    kind: 'card',
    paymentMethod: 'pm_1StandIn4242Live',
    brand: 'visa',
    last4: '4242',
    expMonth: 12,
    expYear: 2034,
  });
  expect(JSON.stringify(app.bridgeTraffic)).not.toMatch(cardNumberForms('4242424242424242'));
  expect((await control.requests()).filter((r) => r.path === '/v1/user/card')).toHaveLength(1);
});
