// Sessions end: an access token that merely ran out is renewed without the user noticing; a
// session the server no longer knows sends the user to sign in, with a sentence saying why.

import { sandboxAccounts } from '../../sandbox/seed-accounts';
import { test, expect } from './harness/app-fixture';
import { sessionStateInPage } from './harness/bridge-reads';
import { openView, signInThroughForm } from './harness/flows';
import { captureView } from './harness/screens';

test('an access token that ran out is renewed quietly and the user stays signed in', async ({
  app,
}) => {
  const page = app.page;
  await signInThroughForm(app);
  // Past the access token's hour on the server's clock; the refresh token is still good.
  await app.control.advanceClock(3601);

  await page.getByRole('button', { name: 'Refresh', exact: true }).click();

  await expect(page.getByTestId('last-updated')).toBeVisible();
  await openView(page, 'Billing');
  await expect(page.getByRole('heading', { name: 'Billing', level: 1 })).toBeVisible();
  const refreshes = (await app.control.requests()).filter((r) => r.path === '/v1/auth/refresh');
  expect(refreshes.map((r) => r.status)).toEqual([200]);
  await expect(page.getByTestId('session-ended')).toHaveCount(0);
  expect(await sessionStateInPage(page)).toMatchObject({
    ok: true,
    value: { status: 'signed-in' },
  });
});

test('a session the server forgot lands the user on sign-in, told to sign in again', async ({
  app,
}) => {
  const page = app.page;
  await signInThroughForm(app);
  // The server drops every token it issued (as after a password change elsewhere or a restart).
  const reset = await fetch(`${app.sandbox.origin}/_sandbox/reset`, { method: 'POST' });
  expect(reset.status).toBe(204);

  await page.getByRole('button', { name: 'Refresh', exact: true }).click();

  await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
  await expect(page.getByTestId('session-ended')).toHaveText(
    'Your session has ended. Please sign in again.',
  );
  await captureView(page, 'sign-in-session-ended');
  expect(await sessionStateInPage(page)).toMatchObject({
    ok: true,
    value: { status: 'signed-out' },
  });

  // Signing in again, on the same screen, works: the email is filled in, the password has focus.
  await expect(page.getByLabel('Email')).toHaveValue(sandboxAccounts.demo.email);
  await expect(page.getByLabel('Password', { exact: true })).toBeFocused();
  await page.keyboard.type(sandboxAccounts.demo.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Account', level: 1 })).toBeVisible();
});

test('signing out on purpose does not say the session ended', async ({ app }) => {
  const page = app.page;
  await signInThroughForm(app);
  await openView(page, 'Settings');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
  await expect(page.getByTestId('session-ended')).toHaveCount(0);
});
