// Flags: a customer switches the low-quota notification or auto-renewal on and off. Each switch
// applies at once, the other flag keeps its value on the server, and a refusal puts it back.

import { test, expect } from './harness/app-fixture';
import type { AppHarness } from './harness/app-fixture';
import { openView, signInThroughForm } from './harness/flows';
import { captureView } from './harness/screens';

/** The flags as GreenCloud holds them, read with GET /user through the app's own client. */
async function flagsOnServer(app: AppHarness) {
  return (await app.core.handlers.refreshAccount({ accountId: await app.accountId() })).account
    .flags;
}

test('turning off the low-quota notification leaves auto-renewal on', async ({ app }) => {
  await signInThroughForm(app);
  const { page } = app;
  await openView(page, 'Flags');
  const lowQuota = page.getByRole('switch', { name: 'Low-quota notification' });
  const renewal = page.getByRole('switch', { name: 'Bundle auto-renewal' });
  await expect(lowQuota).toBeChecked();
  await expect(renewal).toBeChecked();

  await lowQuota.click();
  await expect(page.getByTestId('flags-status')).toHaveText('Low-quota notification is now off.');
  await expect(lowQuota).not.toBeChecked();
  await expect(renewal).toBeChecked();
  expect(await flagsOnServer(app)).toEqual({
    bundleAutoRenewal: true,
    lowQuotaNotification: false,
  });

  await renewal.click();
  await expect(page.getByTestId('flags-status')).toHaveText('Bundle auto-renewal is now off.');
  expect(await flagsOnServer(app)).toEqual({
    bundleAutoRenewal: false,
    lowQuotaNotification: false,
  });

  await lowQuota.click();
  await expect(page.getByTestId('flags-status')).toHaveText('Low-quota notification is now on.');
  expect(await flagsOnServer(app)).toEqual({
    bundleAutoRenewal: false,
    lowQuotaNotification: true,
  });
  await captureView(page, 'flags');

  await openView(page, 'Account');
  const flags = page.getByRole('region', { name: 'Flags' });
  await expect(flags).toContainText('Bundle auto-renewal: off');
  await expect(flags).toContainText('Low-quota notification: on');
});

test('a refused change puts the switch back and says why', async ({ app }) => {
  await signInThroughForm(app);
  const { page } = app;
  await openView(page, 'Flags');
  const renewal = page.getByRole('switch', { name: 'Bundle auto-renewal' });
  await expect(renewal).toBeChecked();

  await app.control.fault({ mode: 'status', status: 500, count: 1, path: '/v1/user/flags' });
  await renewal.click();

  const error = page.getByTestId('flags-error');
  await expect(error).toContainText('The change was not saved');
  await expect(error).toContainText('The switch is back where it was.');
  await expect(error).not.toContainText(/Error:|at \w+ \(/); // a sentence, not a stack trace
  await expect(renewal).toBeChecked();
  await expect(renewal).toBeEnabled();
  expect(await flagsOnServer(app)).toEqual({
    bundleAutoRenewal: true,
    lowQuotaNotification: true,
  });
  await captureView(page, 'flags-refused');

  // Once GreenCloud answers again, the same click works.
  await renewal.click();
  await expect(page.getByTestId('flags-status')).toHaveText('Bundle auto-renewal is now off.');
  await expect(error).toBeHidden();
  expect(await flagsOnServer(app)).toEqual({
    bundleAutoRenewal: false,
    lowQuotaNotification: true,
  });
  const flagWrites = (await app.control.requests()).filter(
    (r) => r.method === 'PUT' && r.path === '/v1/user/flags',
  );
  expect(flagWrites.map((r) => r.status)).toEqual([500, 204]);
});
