// Flags: the low-quota notification is switched under Flags, auto-renewal on the Billing page
// (issue 10). Each switch applies at once, the other flag keeps its value on the server (both are
// always sent), and a refusal puts the switch back.

import { test, expect } from './harness/app-fixture';
import type { AppHarness } from './harness/app-fixture';
import { openView, signInThroughForm } from './harness/flows';
import { captureView } from './harness/screens';

/** The flags as GreenCloud holds them, read with GET /user through the app's own client. */
async function flagsOnServer(app: AppHarness) {
  return (await app.core.handlers.refreshAccount({ accountId: await app.accountId() })).account
    .flags;
}

test('low-quota notification under Flags and auto-renewal on Billing keep each other', async ({
  app,
}) => {
  await signInThroughForm(app);
  const { page } = app;
  await openView(page, 'Flags');
  const lowQuota = page.getByRole('switch', { name: 'Low-quota notification' });
  await expect(lowQuota).toBeChecked();
  await expect(page.getByRole('switch', { name: /auto-renewal/i })).toHaveCount(0);

  await lowQuota.click();
  await expect(page.getByTestId('flags-status')).toHaveText('Low-quota notification is now off.');
  expect(await flagsOnServer(app)).toEqual({
    bundleAutoRenewal: true,
    lowQuotaNotification: false,
  });
  await captureView(page, 'flags');

  await openView(page, 'Billing');
  const renewal = page.getByRole('switch', { name: 'Auto-renewal' });
  await expect(renewal).toBeChecked();
  await renewal.click();
  await expect(page.getByTestId('autorenewal-status')).toHaveText('Auto-renewal is now off.');
  expect(await flagsOnServer(app)).toEqual({
    bundleAutoRenewal: false,
    lowQuotaNotification: false,
  });

  await openView(page, 'Account');
  const flags = page.getByRole('region', { name: 'Flags' });
  await expect(flags).toContainText('Bundle auto-renewal: off');
  await expect(flags).toContainText('Low-quota notification: off');
});

test('a refused change puts the switch back and says why', async ({ app }) => {
  await signInThroughForm(app);
  const { page } = app;
  await openView(page, 'Flags');
  const lowQuota = page.getByRole('switch', { name: 'Low-quota notification' });
  await expect(lowQuota).toBeChecked();

  await app.control.fault({ mode: 'status', status: 500, count: 1, path: '/v1/user/flags' });
  await lowQuota.click();

  const error = page.getByTestId('flags-error');
  await expect(error).toContainText('The change was not saved');
  await expect(error).toContainText('The switch is back where it was.');
  await expect(error).not.toContainText(/Error:|at \w+ \(/); // a sentence, not a stack trace
  await expect(lowQuota).toBeChecked();
  await expect(lowQuota).toBeEnabled();
  expect(await flagsOnServer(app)).toEqual({
    bundleAutoRenewal: true,
    lowQuotaNotification: true,
  });
  await captureView(page, 'flags-refused');

  // Once GreenCloud answers again, the same click works.
  await lowQuota.click();
  await expect(page.getByTestId('flags-status')).toHaveText('Low-quota notification is now off.');
  await expect(error).toBeHidden();
  const flagWrites = (await app.control.requests()).filter(
    (r) => r.method === 'PUT' && r.path === '/v1/user/flags',
  );
  expect(flagWrites.map((r) => r.status)).toEqual([500, 204]);
});
