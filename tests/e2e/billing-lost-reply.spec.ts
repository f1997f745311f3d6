// A refill whose reply is lost. In front of the sandbox sits a stand-in that lets GreenCloud charge
// the card and then drops the connection; the app says it is checking, keeps buying off, reads the
// account and the invoices, and says "bought" — one charge. Offline while checking, it says it
// will check when back online, and does. A refill cut before the sandbox acted (its own reset
// fault) is "did not go through, nothing was charged", and buying works again.

import { test, expect } from './harness/app-fixture';
import type { AppHarness } from './harness/app-fixture';
import { openBilling } from './harness/billing-flows';
import { signInThroughForm } from './harness/flows';
import { lookAt } from './harness/screens';
import { startLossyProxy, type LossyProxy } from '../helpers/lossy-proxy';

let proxy: LossyProxy;

test.beforeEach(async ({ app }) => {
  proxy = await startLossyProxy(app.sandbox.apiBaseUrl);
  await app.core.handlers.updateSettings({
    endpoint: { kind: 'custom', customUrl: proxy.apiBaseUrl },
  });
});
test.afterEach(async () => {
  await proxy.close();
});

async function signInAndOpenBilling(app: AppHarness): Promise<void> {
  await signInThroughForm(app);
  // The customer answered the currency question once, on an earlier visit.
  await app.core.handlers.setBillingPreferences({
    accountId: await app.accountId(),
    currency: 'USD',
  });
  await openBilling(app);
}

async function buyRefill(app: AppHarness): Promise<void> {
  await app.page.getByRole('button', { name: 'Buy refill…' }).click();
  await app.page
    .getByRole('dialog', { name: 'Buy a refill?' })
    .getByRole('button', { name: 'Buy now' })
    .click();
}

const invoiceRows = (app: AppHarness) =>
  app.page.getByRole('table', { name: 'Invoices' }).getByRole('row');

test('the reply is lost after GreenCloud charged: checking, then bought, one charge', async ({
  app,
}) => {
  test.setTimeout(60_000);
  await signInAndOpenBilling(app);
  const { page, control } = app;
  const rowsBefore = await invoiceRows(app).count();
  const status = page.getByTestId('money-status');

  // The reply is dropped and the check's first read is slow: time to see "checking".
  proxy.lose({ method: 'POST', path: '/v1/user/buy', mode: 'drop-after', count: 1 });
  proxy.lose({ method: 'GET', path: '/v1/invoice/list', mode: 'slow', ms: 2500, count: 1 });
  await buyRefill(app);
  await expect(status).toHaveAttribute('data-state', 'checking');
  await expect(status).toContainText('GreenCloud did not confirm the refill.');
  await expect(page.getByRole('button', { name: 'Buy refill…' })).toBeDisabled();
  expect(app.core.isMoneyBusy()).toBe(true);
  await lookAt(page, 'billing-checking', 'Billing', true, status);

  await expect(status).toHaveAttribute('data-state', 'went-through', { timeout: 10_000 });
  await expect(status).toContainText('The refill was bought: GreenCloud charged your card once.');
  await lookAt(page, 'billing-bought', 'Billing', true, status);
  await expect(page.getByRole('button', { name: 'Buy refill…' })).toBeEnabled();
  expect(await control.countRequests('POST', '/v1/user/buy')).toBe(1);
  await expect(invoiceRows(app)).toHaveCount(rowsBefore + 1);
  expect(app.core.isMoneyBusy()).toBe(false);
});

test('offline while checking: says it will check when back online, and does', async ({ app }) => {
  test.setTimeout(60_000);
  await signInAndOpenBilling(app);
  const { page, control } = app;
  const status = page.getByTestId('money-status');

  proxy.lose({
    method: 'POST',
    path: '/v1/user/buy',
    mode: 'drop-after',
    count: 1,
    thenDown: true,
  });
  await buyRefill(app);
  await expect(status).toHaveAttribute('data-state', 'waiting-online', { timeout: 15_000 });
  await expect(status).toContainText('It will check as soon as you are back online');
  await expect(page.getByRole('button', { name: 'Buy refill…' })).toBeDisabled();
  await lookAt(page, 'billing-waiting-online', 'Billing', true, status);

  proxy.setDown(false);
  app.core.networkOnline(); // what Electron's online event tells the core
  await expect(status).toHaveAttribute('data-state', 'went-through', { timeout: 15_000 });
  expect(await control.countRequests('POST', '/v1/user/buy')).toBe(1);
});

test('cut before GreenCloud acted: "did not go through, nothing was charged", then buying works', async ({
  app,
}) => {
  test.setTimeout(60_000);
  await signInAndOpenBilling(app);
  const { page, control } = app;
  const status = page.getByTestId('money-status');
  const rowsBefore = await invoiceRows(app).count();

  await control.fault({ mode: 'reset', count: 1, path: '/v1/user/buy' });
  await buyRefill(app);
  await expect(status).toHaveAttribute('data-state', 'did-not-go-through', { timeout: 10_000 });
  await expect(status).toContainText(
    'The refill did not go through, and nothing was charged. You can try again.',
  );
  await lookAt(page, 'billing-not-charged', 'Billing', true, status);
  await expect(invoiceRows(app)).toHaveCount(rowsBefore);

  await buyRefill(app);
  await expect(page.getByTestId('refill-done')).toContainText('Your DEVELOPER quota went from');
  const buys = (await control.requests()).filter((r) => r.path === '/v1/user/buy');
  expect(buys.map((r) => r.status)).toEqual([0, 201]);
  await expect(invoiceRows(app)).toHaveCount(rowsBefore + 1);
});
