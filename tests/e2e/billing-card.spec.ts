// The card window, as a customer uses it: a card changed with a sandbox test card (after the
// auto-pay pre-check turns auto-renewal off), the 24-hour pre-check counting down, a bundle set
// with a test card, a declined test card, a number that is not a test card, and the window closed
// midway. Throughout, the card number stays in the card window: it never crosses the app's
// bridge, reaches a console line, or lands in the data folder.

import { test, expect } from './harness/app-fixture';
import {
  cardNumberForms,
  dataFolderText,
  openBilling,
  openCardWindow,
  turnOffAutoRenewalFromCard,
  typeTestCard,
} from './harness/billing-flows';
import { trySandbox } from './harness/flows';
import { lookAt } from './harness/screens';

const dayMs = 24 * 3600 * 1000;

test('a card changed with a sandbox test card, after the auto-pay and before the 24-hour pre-check', async ({
  app,
}) => {
  test.setTimeout(60_000);
  await trySandbox(app);
  await openBilling(app);
  const { page, control } = app;
  const payment = page.getByRole('region', { name: 'Payment method' });
  await expect(payment.getByTestId('card-on-file')).toContainText('Visa •••• 4242');

  // Auto-pay is on for the demo account: the form says so before anything is sent.
  await expect(payment.getByTestId('card-autopay')).toContainText(
    'While auto-renewal is on, GreenCloud does not let you change the card',
  );
  await expect(payment.getByRole('button', { name: 'Change', exact: true })).toBeDisabled();
  await lookAt(page, 'billing-card-autopay', 'Billing', true, payment);
  await turnOffAutoRenewalFromCard(page);
  expect(
    (await app.core.handlers.refreshAccount({ accountId: await app.accountId() })).account.flags,
  ).toEqual({
    bundleAutoRenewal: false,
    lowQuotaNotification: true,
  });

  const cardPage = await openCardWindow(app, 'Change');
  await expect(cardPage.getByTestId('sandbox-note')).toContainText('This is the sandbox.');
  await expect(cardPage.getByTestId('sandbox-badge')).toBeVisible();
  // The card window has no way into the app's bridge.
  expect(
    await cardPage.evaluate(() => 'greencloud' in window || '__greencloudInvoke' in window),
  ).toBe(false);
  await lookAt(cardPage, 'card-window-sandbox', 'Add a card', false);
  await typeTestCard(cardPage, '5555555555554444');

  await expect(payment.getByTestId('card-done')).toHaveText(
    'Your card is now Mastercard •••• 4444, expiring 12/34. The next charge uses it.',
  );
  await expect(payment.getByTestId('card-on-file')).toContainText('Mastercard •••• 4444');
  const cardCalls = (await control.requests()).filter((r) => r.path === '/v1/user/card');
  expect(cardCalls.map((r) => r.status)).toEqual([204]);

  // The 24-hour rule, before the customer tries: when, and a countdown.
  const countdown = payment.getByTestId('card-countdown');
  await expect(countdown).toContainText('GreenCloud allows one card change a day.');
  await expect(countdown).toContainText(/in 2[34] h \d\d min/);
  await expect(payment.getByRole('button', { name: 'Change', exact: true })).toBeDisabled();
  await lookAt(page, 'billing-card-countdown', 'Billing', true, countdown);
  await app.advanceClock(dayMs - 90_000);
  await expect(countdown).toContainText(/in 1 min \d\d s/);
  await app.advanceClock(91_000);
  await expect(countdown).toBeHidden();
  await expect(payment.getByRole('button', { name: 'Change', exact: true })).toBeEnabled();

  // The number stayed in the card window.
  const leak = cardNumberForms('5555555555554444');
  expect(JSON.stringify(app.bridgeTraffic)).not.toMatch(leak);
  expect(app.consoleLines.join('\n')).not.toMatch(leak);
  expect(await dataFolderText(app)).not.toMatch(leak);
  expect(JSON.stringify(app.bridgeTraffic)).toContain('pm_card_mastercard');
});

test('a bundle set with a test card: current plan by default, Country first, address from the profile in ASCII', async ({
  app,
}) => {
  await trySandbox(app);
  await openBilling(app);
  const { page, control } = app;
  await page.getByRole('button', { name: 'Set a bundle with a new card' }).click();
  const form = page.getByRole('form', { name: 'Set bundle' });
  await expect(form.getByLabel('Plan')).toHaveValue('DEVELOPER');
  const fieldset = form.getByRole('group', { name: 'Billing address' });
  await expect(fieldset.locator('input').first()).toHaveAttribute('id', 'addr-country');
  await expect(fieldset.getByLabel('Street')).toHaveValue('My House 8295');
  await expect(fieldset.getByLabel('Country')).toHaveValue('AR');

  await fieldset.getByLabel('City').fill('Paraná');
  await expect(fieldset.getByLabel('City')).toHaveValue('Parana');
  await expect(form.getByTestId('fold-note-city')).toContainText('“Paraná” became “Parana”');
  await form.getByLabel('Plan').selectOption('STARTER');

  const cardPage = await openCardWindow(app, 'Add a card');
  await typeTestCard(cardPage, '4242 4242 4242 4242');
  await expect(form.getByTestId('chosen-card')).toHaveText('Visa •••• 4242, expires 12/34');
  const before = (await control.requests()).length;
  await form.getByRole('button', { name: 'Buy STARTER bundle' }).click();
  await expect(page.getByTestId('bundle-done')).toHaveText('Your STARTER bundle was bought.');
  await expect(page.getByTestId('current-plan')).toContainText('STARTER');

  // One POST and one account read for the purchase; then the invoice list, to show the charge.
  const after = (await control.requests()).slice(before).map((r) => `${r.method} ${r.path}`);
  expect(after.filter((r) => r === 'POST /v1/user/bundle')).toHaveLength(1);
  expect(after.slice(0, 2)).toEqual(['POST /v1/user/bundle', 'GET /v1/user']);
  expect(after.filter((r) => r === 'GET /v1/user')).toHaveLength(1);
  await expect(page.getByRole('table', { name: 'Invoices' })).toContainText(
    'STARTER bundle purchase',
  );
  await expect(page.getByRole('table', { name: 'Invoices' })).toContainText('$2.99');
});

test('a declined test card buys nothing; a number that is not a test card is refused in the window', async ({
  app,
}) => {
  await trySandbox(app);
  await openBilling(app);
  const { page, control } = app;
  await page.getByRole('button', { name: 'Set a bundle with a new card' }).click();
  const form = page.getByRole('form', { name: 'Set bundle' });

  const cardPage = await openCardWindow(app, 'Add a card');
  await typeTestCard(cardPage, '4111 1111 1111 1112');
  await expect(cardPage.getByText("The sandbox takes Stripe's test cards only")).toBeVisible();
  await lookAt(cardPage, 'card-window-refused', 'Add a card', false);
  await cardPage.getByLabel('Card number').fill('');
  await typeTestCard(cardPage, '4000000000009995');
  await expect(form.getByTestId('chosen-card')).toHaveText('Visa •••• 9995, expires 12/34');

  const invoicesBefore = (
    await app.core.handlers.listInvoices({ accountId: await app.accountId() })
  ).length;
  await form.getByRole('button', { name: 'Buy DEVELOPER bundle' }).click();
  await expect(form.getByRole('alert')).toHaveText(
    'Your card was declined and nothing was charged. Try another card.',
  );
  await expect(page.getByTestId('bundle-done')).toBeHidden();
  const bundleCalls = (await control.requests()).filter((r) => r.path === '/v1/user/bundle');
  expect(bundleCalls.map((r) => r.status)).toEqual([402]);
  expect((await app.core.handlers.listInvoices({ accountId: await app.accountId() })).length).toBe(
    invoicesBefore,
  );
  expect(app.core.isMoneyBusy()).toBe(false);
  const leak = cardNumberForms('4111111111111112');
  expect(JSON.stringify(app.bridgeTraffic)).not.toMatch(leak);
  expect(JSON.stringify(app.bridgeTraffic)).not.toMatch(cardNumberForms('4000000000009995'));
});

test('closing the card window midway changes nothing', async ({ app }) => {
  await trySandbox(app);
  await openBilling(app);
  const { page, control } = app;
  await turnOffAutoRenewalFromCard(page);
  const payment = page.getByRole('region', { name: 'Payment method' });
  const cardPage = await openCardWindow(app, 'Change');
  await cardPage.getByLabel('Card number').pressSequentially('4242 4242');
  await cardPage.close();

  await expect(payment.getByRole('button', { name: 'Change', exact: true })).toBeEnabled();
  await expect(payment.getByTestId('card-done')).toHaveCount(0);
  await expect(payment.getByTestId('card-error')).toHaveCount(0);
  expect((await control.requests()).filter((r) => r.path === '/v1/user/card')).toEqual([]);
  expect(JSON.stringify(app.bridgeTraffic)).not.toContain('4242 4242');
});
