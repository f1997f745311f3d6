// Invoices: the list (date, amount, status) newest first, one invoice's detail with the card it
// was paid with, the receipt in the system browser, and the error state. (No seeded account is
// without invoices, and faking the list would test a stand-in, not the app: the empty state is
// left to the views' own code.)

import type { Page } from '@playwright/test';
import { test, expect } from './harness/app-fixture';
import { openView, signInThroughForm } from './harness/flows';
import { captureView } from './harness/screens';

const dayMs = 86_400_000;

/** A day as the app writes invoice dates, `daysAgo` days before now. */
function shownDay(page: Page, daysAgo: number): Promise<string> {
  return page.evaluate(
    (ms) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(Date.now() - ms),
    daysAgo * dayMs,
  );
}

async function openInvoices(page: Page): Promise<void> {
  await openView(page, 'Invoices');
  await expect(page.getByRole('heading', { name: 'Invoices', level: 1 })).toBeVisible();
}

test('lists invoices newest first, shows one in detail and opens its receipt in the browser', async ({
  app,
}) => {
  const { page } = app;
  await signInThroughForm(app);
  await openInvoices(page);

  const rows = page.getByRole('table', { name: 'Invoices' }).getByRole('row');
  await expect(rows.first()).toHaveText(/Date\s*Amount\s*Status/);
  await expect(rows).toHaveCount(3);
  const lastMonth = await shownDay(page, 30);
  const twoMonthsAgo = await shownDay(page, 61);
  await expect(rows.nth(1)).toHaveText(new RegExp(`^${lastMonth}\\s*9\\.99\\s*paid\\s*View$`));
  await expect(rows.nth(2)).toHaveText(new RegExp(`^${twoMonthsAgo}\\s*9\\.99\\s*paid\\s*View$`));

  await rows
    .nth(1)
    .getByRole('button', { name: `View invoice of ${lastMonth}, 9.99` })
    .click();
  const detail = page.getByRole('region', { name: 'Invoice detail' });
  await expect(detail).toContainText('DEVELOPER bundle renewal (100,000 invocations)');
  await expect(detail.getByRole('definition').nth(4)).toHaveText(/^\s*visa\s+ending in 4242\s*$/);
  await captureView(page, 'invoice-detail');

  await detail.getByRole('button', { name: 'Open receipt' }).click();
  await expect
    .poll(() => app.openedUrls)
    .toEqual([
      expect.stringMatching(
        /^https:\/\/pay\.stripe\.com\/receipts\/acct_1GreenCloudSandbox\/inv_000002\/rcpt_/,
      ),
    ]);
});

test('a new charge appears at the top of the list', async ({ app }) => {
  const { page } = app;
  await signInThroughForm(app);
  await openView(page, 'Buy refill');
  await page.getByRole('button', { name: 'Buy refill…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Buy now' }).click();
  await expect(page.getByTestId('refill-done')).toBeVisible();

  await openInvoices(page);
  const rows = page.getByRole('table', { name: 'Invoices' }).getByRole('row');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(1)).toContainText(await shownDay(page, 0));
  await rows
    .nth(1)
    .getByRole('button', { name: /^View invoice/ })
    .click();
  await expect(page.getByRole('region', { name: 'Invoice detail' })).toContainText(
    'DEVELOPER bundle refill',
  );
});

test('a server fault is explained, and Reload brings the list back', async ({ app }) => {
  const { page, control } = app;
  await signInThroughForm(app);
  // Reads are retried twice before the app gives up: fail all three.
  await control.fault({ mode: 'status', status: 500, count: 3, path: '/v1/invoice/list' });
  await openInvoices(page);

  const error = page.getByTestId('invoices-error');
  await expect(error).toContainText('Invoices could not be loaded');
  await expect(error.getByRole('paragraph').first()).not.toBeEmpty();
  await expect(error).not.toContainText(/SANDBOX_FAULT|\{|Error:|at /);
  await captureView(page, 'invoices-error');

  await page.getByRole('button', { name: 'Reload' }).click();
  await expect(error).toBeHidden();
  await expect(page.getByRole('table', { name: 'Invoices' }).getByRole('row')).toHaveCount(3);
});
