// Settings → Notifications: the account's low-quota flag sits with the app's own notification
// switches. It applies at once, the other flag (auto-renewal) keeps its value on the server, and a
// refusal puts the switch back with a sentence next to it.

import { test, expect } from './harness/app-fixture';
import type { AppHarness } from './harness/app-fixture';
import { openView, signInThroughForm } from './harness/flows';
import { captureView } from './harness/screens';

/** The flags as GreenCloud holds them, read with GET /user through the app's own client. */
async function flagsOnServer(app: AppHarness) {
  return (await app.core.handlers.refreshAccount({ accountId: await app.accountId() })).account
    .flags;
}

test('turning off low-quota alerts leaves auto-renewal on', async ({ app }) => {
  await signInThroughForm(app);
  const { page } = app;
  await openView(page, 'Settings');
  const lowQuota = page.getByRole('switch', { name: 'Low-quota alerts' });
  await expect(lowQuota).toBeChecked();
  // Each switch says what it silences.
  await expect(lowQuota).toHaveAccessibleDescription(/Off silences GreenCloud’s own notice/);
  await expect(
    page.getByRole('switch', { name: 'Desktop notifications' }),
  ).toHaveAccessibleDescription(/Off silences every notification from this app/);
  await expect(page.getByRole('switch', { name: 'Early warning' })).toHaveAccessibleDescription(
    /Off silences the once-a-day notice/,
  );

  await lowQuota.click();
  await expect(page.getByTestId('settings-status')).toHaveText('Low-quota alerts are now off.');
  await expect(lowQuota).not.toBeChecked();
  expect(await flagsOnServer(app)).toEqual({
    bundleAutoRenewal: true,
    lowQuotaNotification: false,
  });
  await captureView(page, 'settings-notifications');

  await lowQuota.click();
  await expect(page.getByTestId('settings-status')).toHaveText('Low-quota alerts are now on.');
  expect(await flagsOnServer(app)).toEqual({
    bundleAutoRenewal: true,
    lowQuotaNotification: true,
  });
});

test('a refused change puts the switch back and says why', async ({ app }) => {
  await signInThroughForm(app);
  const { page } = app;
  await openView(page, 'Settings');
  const lowQuota = page.getByRole('switch', { name: 'Low-quota alerts' });
  await expect(lowQuota).toBeChecked();

  await app.control.fault({ mode: 'status', status: 500, count: 1, path: '/v1/user/flags' });
  await lowQuota.click();

  // Under the switch that failed, in its own card, not at the top of the page.
  const error = page.getByRole('region', { name: 'Notifications' }).getByTestId('settings-error');
  await expect(error).toContainText('Low-quota alerts: not saved, back as it was');
  await expect(error).not.toContainText(/Error:|at \w+ \(/); // a sentence, not a stack trace
  await expect(lowQuota).toBeChecked();
  await expect(lowQuota).toBeEnabled();
  expect(await flagsOnServer(app)).toEqual({
    bundleAutoRenewal: true,
    lowQuotaNotification: true,
  });
  await captureView(page, 'settings-refused');

  // Once GreenCloud answers again, "Try again" makes the same change.
  await error.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByTestId('settings-status')).toHaveText('Low-quota alerts are now off.');
  await expect(lowQuota).not.toBeChecked();
  await expect(error).toBeHidden();
  const flagWrites = (await app.control.requests()).filter(
    (r) => r.method === 'PUT' && r.path === '/v1/user/flags',
  );
  expect(flagWrites.map((r) => r.status)).toEqual([500, 204]);
});
