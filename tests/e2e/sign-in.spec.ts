// Signing in: with email and password, with a 2FA code when the account has one, and with an API
// key; wrong details and malformed input answer in sentences next to the right field.

import { sandboxAccounts } from '../../sandbox/seed-accounts';
import { totpCode } from '../../sandbox/totp';
import { test, expect } from './harness/app-fixture';
import { signInThroughForm } from './harness/flows';
import { captureView } from './harness/screens';

const { demo, twofa } = sandboxAccounts;

test('a customer signs in with email and password and lands on their account', async ({ app }) => {
  await app.open();
  await expect(app.page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
  await captureView(app.page, 'sign-in');

  await signInThroughForm(app, demo);

  await expect(app.page.getByRole('main')).toContainText(demo.email);
  expect(await app.control.countRequests('POST', '/v1/auth/login')).toBe(1);
});

test('a wrong password is answered with a sentence, not a technical error', async ({ app }) => {
  const page = app.page;
  await app.open();
  await page.getByLabel('Email').fill(demo.email);
  await page.getByLabel('Password', { exact: true }).fill('Wrong123!');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();

  const error = page.getByTestId('sign-in-error');
  await expect(error).toHaveText(/^\s*[A-Z][^{}<>]*[.!]\s*$/);
  await expect(error).not.toContainText(/[{}]|Error:|at \w+ \(|\b401\b/);
  await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
});

test('an email that is not an address is refused beside the field and nothing is sent', async ({
  app,
}) => {
  const page = app.page;
  await app.open();
  const email = page.getByLabel('Email');
  await email.fill('demo-at-greencloud');
  await page.getByLabel('Password', { exact: true }).fill(demo.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();

  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription(
    'Email must be an email address like name@example.com.',
  );
  expect(await app.control.requests()).toEqual([]);
});

test('a 2FA account asks for the code only after email and password, and accepts only a good one', async ({
  app,
}) => {
  const page = app.page;
  await app.open();
  const codeField = page.getByLabel('Two-factor code');
  await expect(codeField).toHaveCount(0);

  await page.getByLabel('Email').fill(twofa.email);
  await page.getByLabel('Password', { exact: true }).fill(twofa.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();

  await expect(
    page.getByRole('heading', { name: 'Enter your two-factor code', level: 1 }),
  ).toBeVisible();
  await expect(codeField).toBeFocused();
  await captureView(page, 'sign-in-2fa');

  // A code from an hour ago: well outside the one step of drift the server allows.
  const now = Date.now();
  const current = [-30_000, 0, 30_000].map((offset) => totpCode(twofa.totpSecret, now + offset));
  let stale = totpCode(twofa.totpSecret, now - 3_600_000);
  if (current.includes(stale)) stale = totpCode(twofa.totpSecret, now - 7_200_000);
  // The code field submits on its sixth digit: no button press needed.
  await codeField.fill(stale);
  await expect(codeField).toHaveAccessibleDescription(/^That two-factor code was not accepted\./);

  await codeField.fill(totpCode(twofa.totpSecret, Date.now()));
  await expect(page.getByRole('heading', { name: 'Account', level: 1 })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(twofa.email);
});

test('a developer signs in with their API key', async ({ app }) => {
  const page = app.page;
  await app.open();
  await page.getByRole('button', { name: 'Use an API key instead' }).click();
  const keyField = page.getByLabel('API key');
  await expect(keyField).toBeVisible();
  await captureView(page, 'sign-in-api-key');

  await keyField.fill('not-a-key');
  await page.getByRole('button', { name: 'Sign in with API key' }).click();
  await expect(keyField).toHaveAccessibleDescription(/^API key must be your API key/);
  expect(await app.control.requests()).toEqual([]);

  await keyField.fill(demo.apiKey);
  await page.getByRole('button', { name: 'Sign in with API key' }).click();
  await expect(page.getByRole('heading', { name: 'Account', level: 1 })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(demo.email);
});
