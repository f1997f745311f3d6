// Changing the password: the rules tick off as the customer types, a weak or mismatched password is
// explained and never sent, and the new password is the one that signs in afterwards. On an
// account with two-factor, the current code is needed as well.

import { sandboxAccounts } from '../../sandbox/seed-accounts';
import { totpCode } from '../../sandbox/totp';
import { test, expect } from './harness/app-fixture';
import type { AppHarness } from './harness/app-fixture';
import { openView, signInThroughForm } from './harness/flows';
import { captureView } from './harness/screens';

const twofa = sandboxAccounts.twofa;

async function passwordChanges(app: AppHarness): Promise<number> {
  return app.control.countRequests('PUT', '/v1/user/password');
}

/** A code from an hour ago: far outside the one step of drift the server allows. */
function codeFromAnHourAgo(secret: string): string {
  const now = Date.now();
  const current = [-30_000, 0, 30_000].map((offset) => totpCode(secret, now + offset));
  return [1, 2, 3]
    .map((hours) => totpCode(secret, now - hours * 3_600_000))
    .find((code) => !current.includes(code))!;
}

async function signOut(app: AppHarness): Promise<void> {
  await openView(app.page, 'Settings');
  await app.page.getByRole('button', { name: 'Sign out' }).click();
  await expect(app.page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
}

test('the checklist ticks off as I type, and a weak or mismatched password is never sent', async ({
  app,
}) => {
  await signInThroughForm(app);
  const { page } = app;
  await openView(page, 'Password');
  const rules = page.getByRole('list', { name: 'Password rules' });
  const rule = (text: string) => rules.getByRole('listitem').filter({ hasText: text });
  const newPassword = page.getByLabel('New password', { exact: true });
  const repeat = page.getByLabel('Repeat new password');

  await expect(rule('Is at least 8 characters long')).toContainText('(not met yet)');
  await newPassword.pressSequentially('short');
  await expect(rule('Is at least 8 characters long')).toContainText('(not met yet)');
  await newPassword.pressSequentially('enough');
  await expect(rule('Is at least 8 characters long')).toContainText('(met)');
  await expect(rule('Contains at least one of')).toContainText('(not met yet)');
  await expect(newPassword).toHaveAccessibleDescription(/Password must contain at least one of/);

  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(repeat).toHaveAccessibleDescription('The two passwords do not match.');
  expect(await passwordChanges(app)).toBe(0);

  await newPassword.press('End');
  await newPassword.pressSequentially('!');
  await expect(rule('Contains at least one of')).toContainText('(met)');
  await repeat.fill('shortenough?');
  await expect(rule('Both entries match')).toContainText('(not met yet)');
  await expect(repeat).toHaveAccessibleDescription('The two passwords do not match.');
  await captureView(page, 'password-checklist');
  await page.getByRole('button', { name: 'Change password' }).click();
  expect(await passwordChanges(app)).toBe(0);

  await repeat.fill('shortenough!');
  await expect(rule('Both entries match')).toContainText('(met)');
  await expect(repeat).not.toHaveAccessibleDescription('The two passwords do not match.');
});

test('after a change, the new password is the one that signs me in', async ({ app }) => {
  await signInThroughForm(app);
  const { page } = app;
  await openView(page, 'Password');
  await page.getByLabel('New password', { exact: true }).fill('Greener#2025');
  await page.getByLabel('Repeat new password').fill('Greener#2025');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByTestId('password-done')).toHaveText('Your password has been changed.');
  expect(await passwordChanges(app)).toBe(1);
  await captureView(page, 'password-done');

  await signOut(app);
  await page.getByLabel('Email').fill(sandboxAccounts.demo.email);
  await page.getByLabel('Password', { exact: true }).fill(sandboxAccounts.demo.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByTestId('sign-in-error')).toBeVisible(); // the old one no longer works

  await signInThroughForm(app, { email: sandboxAccounts.demo.email, password: 'Greener#2025' });
});

test('with two-factor on, the change needs a current code', async ({ app }) => {
  const { page } = app;
  await app.open();
  await page.getByLabel('Email').fill(twofa.email);
  await page.getByLabel('Password', { exact: true }).fill(twofa.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  // The sign-in code field submits on its sixth digit.
  await page.getByLabel('Two-factor code').fill(totpCode(twofa.totpSecret, Date.now()));
  await expect(page.getByRole('heading', { name: 'Account', level: 1 })).toBeVisible();

  await openView(page, 'Password');
  const code = page.getByLabel('Two-factor code');
  await page.getByLabel('New password', { exact: true }).fill('Greener#2025');
  await page.getByLabel('Repeat new password').fill('Greener#2025');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(code).toHaveAccessibleDescription('The two-factor code is required.');
  expect(await passwordChanges(app)).toBe(0);

  // A code the authenticator showed an hour ago is refused in a sentence beside the field.
  await code.fill(codeFromAnHourAgo(twofa.totpSecret));
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(code).toHaveAccessibleDescription(/^That two-factor code was not accepted\./);
  expect(await passwordChanges(app)).toBe(1);

  // The sign-in used this step's code and the server takes each code once: use the next step's,
  // which is within the one step of drift it allows.
  await code.fill(totpCode(twofa.totpSecret, Date.now() + 30_000));
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByTestId('password-done')).toHaveText('Your password has been changed.');
  expect(await passwordChanges(app)).toBe(2);
});
