// A customer who forgot their password asks for a reset code, reads it from their inbox (the
// sandbox outbox), chooses a new password, and signs in with it. The emailed link opens the same
// screen with the code filled in; a used or expired code is answered with a sentence.

import type { Page } from '@playwright/test';
import { sandboxAccounts } from '../../sandbox/seed-accounts';
import { test, expect, type AppHarness } from './harness/app-fixture';
import { captureView } from './harness/screens';

const { demo } = sandboxAccounts;
const newPassword = 'Greener2025!';

async function askForResetCode(app: AppHarness, email: string): Promise<string> {
  const page = app.page;
  await page.getByRole('button', { name: 'Forgot password?' }).click();
  await expect(page.getByRole('heading', { name: 'Reset your password', level: 1 })).toBeVisible();
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send reset code' }).click();
  await expect(page.getByRole('heading', { name: 'Check your inbox', level: 1 })).toBeVisible();
  await expect(page.getByTestId('reset-sent')).toContainText('a reset code is on its way');
  const [mail] = await app.control.outbox(email);
  expect(mail).toMatchObject({ to: email, kind: 'reset-code' });
  return mail!.code!;
}

async function signIn(page: Page, password: string): Promise<void> {
  await page.getByLabel('Email').fill(demo.email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

function ruleItem(page: Page, text: string) {
  return page.getByRole('list', { name: 'Password rules' }).getByRole('listitem').filter({
    hasText: text,
  });
}

test('a forgotten password is reset with the emailed code, and only the new one signs in', async ({
  app,
}) => {
  const page = app.page;
  await app.open();
  await page.getByRole('button', { name: 'Forgot password?' }).click();
  await captureView(page, 'forgot-password');
  await page.getByRole('button', { name: 'Back to sign in' }).click();

  const code = await askForResetCode(app, demo.email);
  await captureView(page, 'forgot-password-sent');

  await page.getByRole('button', { name: 'I have a code' }).click();
  await expect(
    page.getByRole('heading', { name: 'Choose a new password', level: 1 }),
  ).toBeVisible();
  // A typo in the code is refused beside the field; the corrected code is sent on the next try.
  const codeField = page.getByLabel('Reset code');
  await codeField.fill(`${code}0`);

  // The checklist ticks each rule off as the password grows to meet it.
  const newField = page.getByLabel('New password', { exact: true });
  await newField.fill('greener');
  await expect(ruleItem(page, 'at least 8 characters')).toContainText('(not met yet)');
  await newField.fill('greener2025');
  await expect(ruleItem(page, 'at least 8 characters')).toContainText('(met)');
  await expect(ruleItem(page, 'Contains at least one of')).toContainText('(not met yet)');
  await newField.fill(newPassword);
  await expect(ruleItem(page, 'Contains at least one of')).toContainText('(met)');
  await expect(ruleItem(page, 'Both entries match')).toContainText('(not met yet)');
  await page.getByLabel('Repeat new password').fill(newPassword);
  await expect(ruleItem(page, 'Both entries match')).toContainText('(met)');
  await captureView(page, 'set-password');

  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(codeField).toHaveAccessibleDescription(
    'The reset code is wrong, used or expired. Ask for a new one.',
  );
  await codeField.fill(code);
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByRole('heading', { name: 'Password changed', level: 1 })).toBeVisible();
  await expect(page.getByTestId('set-password-done')).toContainText('Your new password is set.');
  expect(await app.control.countRequests('GET', '/v1/user/resetPassword')).toBe(2);
  await captureView(page, 'set-password-done');
  await page.getByRole('button', { name: 'Go to sign in' }).click();

  await signIn(page, demo.password);
  await expect(page.getByTestId('sign-in-error')).toBeVisible();
  await signIn(page, newPassword);
  await expect(page.getByRole('heading', { name: 'Account', level: 1 })).toBeVisible();
});

test('the emailed link opens Set Password with the code filled in, and works once', async ({
  app,
}) => {
  const page = app.page;
  await app.open();
  const code = await askForResetCode(app, demo.email);
  await page.getByRole('button', { name: 'Back to sign in' }).click();

  app.core.navigate(
    app.core.parseDeepLink(`greencloud://reset-password?code=${encodeURIComponent(code)}`)!,
  );

  await expect(
    page.getByRole('heading', { name: 'Choose a new password', level: 1 }),
  ).toBeVisible();
  await expect(page.getByLabel('Reset code')).toHaveValue(code);
  await page.getByLabel('New password', { exact: true }).fill(newPassword);
  await page.getByLabel('Repeat new password').fill(newPassword);
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByTestId('set-password-done')).toBeVisible();

  // Opening the same link again: that code has been used.
  await page.getByRole('button', { name: 'Go to sign in' }).click();
  app.core.navigate(app.core.parseDeepLink(`greencloud://reset-password?code=${code}`)!);
  await expect(page.getByLabel('Reset code')).toHaveValue(code);
  await page.getByLabel('New password', { exact: true }).fill('Another2025!');
  await page.getByLabel('Repeat new password').fill('Another2025!');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByLabel('Reset code')).toHaveAccessibleDescription(
    'The reset code is wrong, used or expired. Ask for a new one.',
  );
});

test('an expired code is answered with a sentence beside the field', async ({ app }) => {
  const page = app.page;
  await app.open();
  const code = await askForResetCode(app, demo.email);
  await app.control.advanceClock(3601);

  await page.getByRole('button', { name: 'I have a code' }).click();
  const codeField = page.getByLabel('Reset code');
  await codeField.fill(code);
  await page.getByLabel('New password', { exact: true }).fill(newPassword);
  await page.getByLabel('Repeat new password').fill(newPassword);
  await page.getByRole('button', { name: 'Set new password' }).click();

  await expect(codeField).toHaveAttribute('aria-invalid', 'true');
  await expect(codeField).toHaveAccessibleDescription(
    'The reset code is wrong, used or expired. Ask for a new one.',
  );
  await expect(page.getByRole('main')).not.toContainText(/INVALID_RESET_CODE|\b400\b|[{}]/);
});
