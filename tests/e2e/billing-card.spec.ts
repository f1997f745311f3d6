// The card window, as a customer uses it: a card changed with a sandbox test card (after the
// auto-pay pre-check turns auto-renewal off), the 24-hour pre-check counting down, a bundle set
// with a test card, a declined test card, a number that is not a test card, and the window closed
// midway. Both money actions are confirmed in a dialog that names the account (issue 8), what
// changes and the card; Cancel sends nothing. Throughout, the card number stays in the card
// window: it never crosses the app's bridge, reaches a console line, or lands in the data folder.

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
import { sandboxAccounts } from '../../sandbox/seed-accounts';

const dayMs = 24 * 3600 * 1000;
// "Try the sandbox" signs in to the demo account.
const demoEmail = sandboxAccounts.demo.email;

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

  // The card comes back to a question naming the account, the new card and the one it replaces.
  const confirm = page.getByRole('dialog', { name: 'Change the card?' });
  await expect(confirm).toContainText(
    `From now on, the refills and renewals of ${demoEmail} are charged to Mastercard •••• 4444, expiring 12/34, instead of Visa •••• 4242.`,
  );
  await expect(confirm).toContainText('Nothing is charged now;');
  await lookAt(page, 'billing-card-confirm', 'Billing', true, confirm);
  // Cancel changes nothing and sends nothing.
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(payment.getByTestId('card-on-file')).toContainText('Visa •••• 4242');
  await expect(payment.getByTestId('card-done')).toHaveCount(0);
  expect((await control.requests()).filter((r) => r.path === '/v1/user/card')).toEqual([]);

  const again = await openCardWindow(app, 'Change');
  await typeTestCard(again, '5555555555554444');
  // A double click is one intent: one card change.
  await confirm.getByRole('button', { name: 'Change card' }).dblclick();
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
  await expect(form.getByTestId('chosen-card')).toHaveText('Visa •••• 4242, expiring 12/34');
  const invoicesBefore = await app.core.handlers.listInvoices({ accountId: await app.accountId() });

  // Buying asks first: the account, the plan, its price (GreenCloud states STARTER's nowhere, so
  // the words say so rather than imply it is free) and the card.
  let before = (await control.requests()).length;
  await form.getByRole('button', { name: 'Buy STARTER bundle…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Buy the STARTER bundle?' });
  await expect(confirm).toContainText(
    `Buy a STARTER bundle of 1,000 invocations for ${demoEmail} at a price GreenCloud has not stated, charged to Visa •••• 4242, expiring 12/34?`,
  );
  await lookAt(page, 'billing-set-bundle-confirm', 'Billing', true, confirm);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  expect(
    (await control.requests()).slice(before).filter((r) => r.method !== 'GET'),
    'Cancel sends nothing',
  ).toEqual([]);
  await expect(page.getByTestId('current-plan')).toContainText('DEVELOPER');

  before = (await control.requests()).length;
  await form.getByRole('button', { name: 'Buy STARTER bundle…' }).click();
  // A double click is one intent: one purchase.
  await confirm.getByRole('button', { name: 'Buy now' }).dblclick();
  await expect(page.getByTestId('bundle-done')).toHaveText('Your STARTER bundle was bought.');
  await expect(page.getByTestId('current-plan')).toContainText('STARTER');
  await expect(page.getByRole('table', { name: 'Invoices' })).toContainText(
    'STARTER bundle purchase',
  );
  await expect(page.getByRole('table', { name: 'Invoices' })).toContainText('$2.99');

  // One POST and one account read for the purchase; then, so the charge shows with what it was
  // and its receipt, the invoice list and the new invoice's page, and no other invoice again.
  const after = (await control.requests()).slice(before).map((r) => `${r.method} ${r.path}`);
  expect(after.filter((r) => r === 'POST /v1/user/bundle')).toHaveLength(1);
  expect(after.slice(0, 2)).toEqual(['POST /v1/user/bundle', 'GET /v1/user']);
  expect(after.filter((r) => r === 'GET /v1/user')).toHaveLength(1);
  const invoicesAfter = await app.core.handlers.listInvoices({ accountId: await app.accountId() });
  const newInvoice = invoicesAfter.find((i) => !invoicesBefore.some((old) => old.id === i.id));
  expect(after.filter((r) => r.startsWith('GET /v1/invoice'))).toEqual([
    'GET /v1/invoice/list',
    `GET /v1/invoice/${newInvoice?.id}`,
  ]);
});

test('a plan switch: one PUT and one account read, no invoice read, since nothing is charged', async ({
  app,
}) => {
  await trySandbox(app);
  await openBilling(app);
  const { page, control } = app;
  const before = (await control.requests()).length;
  await page.getByRole('button', { name: 'Switch to STARTER' }).click();
  const confirm = page.getByRole('dialog', { name: 'Switch to STARTER?' });
  await expect(confirm).toContainText(`the plan of ${demoEmail} becomes STARTER`);
  await confirm.getByRole('button', { name: 'Switch plan' }).click();
  await expect(page.getByTestId('plan-done')).toHaveText('Your plan is now STARTER.');
  await expect(page.getByTestId('current-plan')).toContainText('STARTER');
  // The page used to read the invoice list again right after the reply: give it the time to.
  await page.waitForTimeout(1_000);
  const after = (await control.requests()).slice(before).map((r) => `${r.method} ${r.path}`);
  expect(after.slice(0, 2)).toEqual(['PUT /v1/user/bundle/starter', 'GET /v1/user']);
  expect(after.filter((r) => r.startsWith('PUT '))).toHaveLength(1);
  expect(after.filter((r) => r.includes('/invoice'))).toEqual([]);
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
  await expect(form.getByTestId('chosen-card')).toHaveText('Visa •••• 9995, expiring 12/34');

  const invoicesBefore = (
    await app.core.handlers.listInvoices({ accountId: await app.accountId() })
  ).length;
  await form.getByRole('button', { name: 'Buy DEVELOPER bundle…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Buy the DEVELOPER bundle?' });
  await expect(confirm).toContainText(
    `Buy a DEVELOPER bundle of 100,000 invocations for ${demoEmail} at $9.99, charged to Visa •••• 9995, expiring 12/34?`,
  );
  await confirm.getByRole('button', { name: 'Buy now' }).click();
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
