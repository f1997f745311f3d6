// A look at every view: light and dark screenshots with an axe check (captureView), then the same
// view in an 800×600 window, where nothing may spill sideways and the sidebar and the view's
// heading stay in sight. Pictures land in test-results/screenshots/.

import { test, expect } from './harness/app-fixture';
import { sandboxAccounts } from '../../sandbox/seed-accounts';
import { goOffline, openView, signInThroughForm } from './harness/flows';
import { lookAt } from './harness/screens';

test('signed-out views: sign in, forgot password, set password', async ({ app }) => {
  const { page } = app;
  await app.open();
  await lookAt(page, 'sign-in', 'Sign in', false);

  await page.getByRole('button', { name: 'Forgot password?' }).click();
  await lookAt(page, 'forgot-password', 'Reset your password', false);

  await page.getByRole('button', { name: 'I have a code' }).click();
  await lookAt(page, 'set-password', 'Choose a new password', false);
});

test('account and security views', async ({ app }) => {
  test.setTimeout(60_000);
  const { page } = app;
  await signInThroughForm(app);
  await lookAt(page, 'account', 'Account', true);
  for (const [name, view] of [
    ['password', 'Password'],
    ['two-factor', 'Two-factor authentication'],
    ['settings', 'Settings'],
  ] as const) {
    await openView(page, view);
    await lookAt(page, name, view, true);
  }
  // The Network card sits below the fold: a picture of it with a proxy saved.
  const network = page.getByRole('region', { name: 'Network' });
  await network.getByRole('textbox', { name: 'Proxy (optional)' }).fill('proxy.corp.example:3128');
  await network.getByRole('button', { name: 'Save proxy' }).click();
  await expect(network.getByRole('status')).toHaveText('Proxy saved.');
  await lookAt(page, 'settings-network', 'Settings', true, network);
});

test('billing page', async ({ app }) => {
  test.setTimeout(60_000);
  const { page } = app;
  await signInThroughForm(app);
  await openView(page, 'Billing');
  await expect(page.getByRole('table', { name: 'Invoices' })).toBeVisible();
  await lookAt(page, 'billing', 'Billing', true);

  await page.getByRole('button', { name: 'Set a bundle with a new card' }).click();
  await lookAt(
    page,
    'billing-set-bundle',
    'Billing',
    true,
    page.getByRole('form', { name: 'Set bundle' }),
  );
});

test('account states: chart with history and low banner, stale, offline, About', async ({
  app,
}) => {
  test.setTimeout(90_000);
  const { page } = app;
  await signInThroughForm(app);
  const demo = sandboxAccounts.demo;
  // The billing currency, asked once on the Billing page, so the pace line's price carries it.
  await openView(page, 'Billing');
  const ask = page.getByRole('form', { name: 'Billing currency' });
  await ask.getByLabel('Currency').selectOption('USD');
  await ask.getByRole('button', { name: 'Save currency' }).click();
  await expect(ask).toBeHidden();
  await openView(page, 'Account');
  // A few hours of use, so the chart and the pace line have something to show, down to low.
  for (const quota of [60_000, 35_000, 20_000, 9_500]) {
    await app.control.setAccount(demo.email, { quota });
    await app.advanceClock(40 * 60_000);
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    await expect(page.getByTestId('quota-gauge')).toContainText(quota.toLocaleString('en-US'));
  }
  await expect(page.getByRole('region', { name: 'Quota alert' })).toBeVisible();
  await expect(page.getByTestId('quota-chart')).toBeVisible();
  await expect(page.getByTestId('forecast')).toContainText(
    'a new DEVELOPER bundle for $9.99, charged to Visa •••• 4242.',
  );
  // The banner names the same moment as the pace line (the renewal), not the run-out point.
  await expect(page.getByRole('region', { name: 'Quota alert' })).toContainText(
    /· auto-renews in ~\d+ minutes/,
  );
  await lookAt(page, 'account-low', 'Account', true);

  // Dismissed, the banner stays away until the level changes.
  await page.getByRole('button', { name: 'Dismiss until the quota level changes' }).click();
  await expect(page.getByRole('region', { name: 'Quota alert' })).toBeHidden();
  await app.control.setAccount(demo.email, { quota: 500 });
  await page.getByRole('button', { name: 'Refresh', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Quota alert' })).toContainText(
    'Quota almost used up',
  );
  await lookAt(page, 'account-critical', 'Account', true);

  // A while later GreenCloud fails: the stale shot shows how old the data is, as a user would see it.
  await app.advanceClock(12 * 60_000);
  await app.control.fault({ mode: 'status', status: 503, count: 3, path: '/v1/user' });
  await page.getByRole('button', { name: 'Refresh', exact: true }).click();
  await expect(page.getByTestId('stale-notice')).toBeVisible();
  await expect(page.getByTestId('last-updated')).toHaveText(/^Updated 12 min\.? ago$/);
  await lookAt(page, 'account-stale', 'Account', true);
  await page.getByTestId('stale-notice').getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByTestId('stale-notice')).toBeHidden();

  await app.advanceClock(5 * 60_000);
  await goOffline(app);
  await expect(page.getByTestId('stale-notice')).toContainText('You are offline.');
  // Offline, as after a failed refresh, the stale notice is the one notice: no quota banner too.
  await expect(page.getByRole('region', { name: 'Quota alert' })).toBeHidden();
  // The header's age and the notice's agree, both as of the moment the data went stale.
  await expect(page.getByTestId('last-updated')).toHaveText(/^Updated 5 min\.? ago$/);
  await expect(page.getByTestId('stale-notice')).toContainText(/as of 5 min\.? ago/);
  await lookAt(page, 'account-offline', 'Account', true);
  // A form view offline: the same one notice, saying what waits for the connection.
  await openView(page, 'Password');
  await expect(page.getByTestId('stale-notice')).toContainText(
    'The password can be changed once GreenCloud is reachable.',
  );
  await expect(page.getByRole('button', { name: 'Change password' })).toBeDisabled();
  await lookAt(page, 'password-offline', 'Password', true);
  await page.context().setOffline(false);

  app.core.navigate({ view: 'show', target: 'about' });
  await lookAt(page, 'about', 'About GreenCloud Desktop', true);
});

test('sign-in states: custom server, 2FA step, session ended', async ({ app }) => {
  test.setTimeout(60_000);
  const { page } = app;
  await app.open();
  // The e2e harness signs in to its sandbox as a custom server: the selector says so.
  await expect(page.getByLabel('Signing in to:')).toHaveValue('saved');
  await expect(page.getByRole('form', { name: 'Server' })).toHaveCount(0);
  await lookAt(page, 'sign-in-custom-server', 'Sign in', false);
  await page.getByLabel('Signing in to:').selectOption('custom');
  await expect(page.getByRole('form', { name: 'Server' })).toBeVisible();
  await lookAt(page, 'sign-in-custom-url-form', 'Sign in', false);
  await page.getByLabel('Signing in to:').selectOption('saved');

  const twofa = sandboxAccounts.twofa;
  await page.getByLabel('Email').fill(twofa.email);
  await page.getByLabel('Password', { exact: true }).fill(twofa.password);
  await page.getByRole('button', { name: 'Show password' }).click();
  await expect(page.getByLabel('Password', { exact: true })).toHaveAttribute('type', 'text');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Enter your two-factor code' })).toBeVisible();
  // No sandbox card on the 2FA step.
  await expect(page.getByRole('button', { name: 'Try the sandbox' })).toHaveCount(0);
  await lookAt(page, 'sign-in-2fa-step', 'Enter your two-factor code', false);
});
