// A look at every view: light and dark screenshots with an axe check (captureView), then the same
// view in an 800×600 window, where nothing may spill sideways and the sidebar and the view's
// heading stay in sight. Pictures land in test-results/screenshots/.

import { test, expect } from './harness/app-fixture';
import { openView, signInThroughForm } from './harness/flows';
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
    ['flags', 'Flags'],
    ['password', 'Password'],
    ['two-factor', 'Two-factor'],
    ['settings', 'Settings'],
  ] as const) {
    await openView(page, view);
    await lookAt(page, name, view, true);
  }
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
