// The Account view: a signed-in customer reads their profile, bundle and flags, reveals and copies
// the API key, and refreshes after using some quota.

import { sandboxAccounts } from '../../sandbox/seed-accounts';
import { test, expect } from './harness/app-fixture';
import { signInThroughForm } from './harness/flows';
import { captureView } from './harness/screens';

const demo = sandboxAccounts.demo;

test('the Account view shows who I am, my bundle and my flags', async ({ app }) => {
  await signInThroughForm(app);
  const { page } = app;

  const profile = page.getByRole('region', { name: 'Profile' });
  await expect(profile).toContainText('Dana Demo');
  await expect(profile).toContainText(demo.email);
  await expect(profile).toContainText('My House 8295');
  await expect(profile).toContainText('3100 Parana');
  await expect(profile).toContainText('Argentina');
  await expect(profile).toContainText(/Two-factor\s*Off/);

  const quota = page.getByRole('region', { name: 'Quota', exact: true });
  await expect(quota).toContainText('100,000 invocations left');
  await expect(quota).toContainText('DEVELOPER · 100,000 of 100,000 left (100%)');
  await expect(
    page.getByRole('meter', { name: 'Quota left in the DEVELOPER bundle' }),
  ).toHaveAttribute('aria-valuetext', '100,000 of 100,000 left (100%)');
  // Auto-renewal is on for the demo account: the pace line says so.
  await expect(page.getByTestId('forecast')).toHaveText(
    'Auto-renews with a new DEVELOPER bundle when less than 1% is left.',
  );
  await expect(quota.getByRole('button', { name: 'Buy refill' })).toBeEnabled();

  await expect(page.getByTestId('last-updated')).toHaveText(/^Updated just now$/);
  await expect(page.getByTestId('last-updated').locator('time')).toHaveAttribute('title', /\d/);
  await captureView(page, 'account');
});

test('the API key stays masked until I reveal it, and a copy clears itself', async ({ app }) => {
  await signInThroughForm(app);
  const { page } = app;
  const key = page.getByTestId('api-key');

  await expect(key).toHaveText(/^[•-]+5f13$/);
  await expect(key).not.toContainText(demo.apiKey);

  await page.getByRole('button', { name: 'Reveal API key' }).click();
  await expect(key).toHaveText(demo.apiKey);
  await page.getByRole('button', { name: 'Hide API key' }).click();
  await expect(key).toHaveText(/^[•-]+5f13$/);

  await page.getByRole('button', { name: 'Copy API key' }).click();
  await expect(page.getByText(/Copied — clipboard clears in (59|60) s/)).toBeVisible();
  expect(app.clipboard.text).toBe(demo.apiKey);
});

test('Refresh shows the quota I just used', async ({ app }) => {
  await signInThroughForm(app);
  const { page } = app;
  const gauge = page.getByTestId('quota-gauge');
  await expect(gauge).toContainText('100,000 of 100,000 left (100%)');

  await app.control.consume(demo.email, 1_234);
  await page.getByRole('button', { name: 'Refresh', exact: true }).click();

  await expect(gauge).toContainText('98,766 of 100,000 left (98%)');
  await expect(page.getByRole('button', { name: 'Refresh', exact: true })).toBeEnabled();
});
