// Two-factor: the customer turns it on by scanning the QR code (or typing the secret) into an
// authenticator and entering its code, sees that it is on, and turns it off again with a code.

import qrcode from 'qrcode-generator';
import { sandboxAccounts } from '../../sandbox/seed-accounts';
import { totpCode } from '../../sandbox/totp';
import { test, expect } from './harness/app-fixture';
import { openView, signInThroughForm } from './harness/flows';
import { captureView } from './harness/screens';

const demo = sandboxAccounts.demo;

/** A code the authenticator showed an hour ago: far outside the server's one step of drift. */
function staleCode(secret: string): string {
  const now = Date.now();
  const current = [-30_000, 0, 30_000].map((offset) => totpCode(secret, now + offset));
  const old = [1, 2, 3].map((hours) => totpCode(secret, now - hours * 3_600_000));
  return old.find((code) => !current.includes(code))!;
}

/** The dark modules of the QR code an authenticator would scan for this text, as "col,row". */
function qrModules(text: string): string[] {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const modules: string[] = [];
  const n = qr.getModuleCount();
  for (let row = 0; row < n; row++)
    for (let col = 0; col < n; col++) if (qr.isDark(row, col)) modules.push(`${col},${row}`);
  return modules;
}

test('I turn two-factor on with my authenticator and off again with a code', async ({ app }) => {
  await signInThroughForm(app);
  const { page } = app;
  await openView(page, 'Two-factor authentication');
  const status = page.getByTestId('twofa-status');
  await expect(status).toHaveText('Two-factor authentication is off.');

  await page.getByRole('button', { name: 'Turn on two-factor authentication' }).click();
  const qr = page.getByRole('img', { name: 'QR code for GreenCloud two-factor authentication' });
  await expect(qr).toBeVisible();
  const secret = (await page.getByTestId('twofa-secret').innerText()).replace(/\s+/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);

  // The QR code is the standard otpauth link for this account and secret, module for module.
  const drawn = [
    ...((await qr.locator('path').getAttribute('d')) ?? '').matchAll(/M(\d+),(\d+)/g),
  ].map(([, x, y]) => `${Number(x) - 4},${Number(y) - 4}`);
  const label = encodeURIComponent(`GreenCloud:${demo.email}`);
  expect(drawn).toEqual(qrModules(`otpauth://totp/${label}?secret=${secret}&issuer=GreenCloud`));
  await captureView(page, 'two-factor-setup');

  // "Keep this secret safe" comes before the code; Copy secret puts it on the clipboard (which
  // main clears again after a minute).
  await expect(
    page.getByRole('listitem').filter({ hasText: 'Keep this secret safe.' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Copy secret' }).click();
  await expect(page.getByText(/^Copied — clipboard clears in \d+ s$/)).toBeVisible();
  expect(app.clipboard.text).toBe(secret);

  const code = page.getByLabel('Code from your authenticator');
  // The code field submits on its sixth digit.
  await code.fill(staleCode(secret));
  await expect(code).toHaveAccessibleDescription(/^That two-factor code was not accepted\./);
  await expect(status).toHaveText('Two-factor authentication is off.');

  await code.fill(totpCode(secret, Date.now()));
  await expect(status).toHaveText('Two-factor authentication is on.');
  await expect(qr).toBeHidden();
  await captureView(page, 'two-factor-on');

  await openView(page, 'Account');
  await expect(page.getByRole('region', { name: 'Profile' })).toContainText(/Two-factor\s*On/);

  await openView(page, 'Two-factor authentication');
  const offCode = page.getByLabel('Code from your authenticator');
  await offCode.fill('12345');
  await page.getByRole('button', { name: 'Turn off two-factor authentication' }).click();
  await expect(offCode).toHaveAccessibleDescription(/6-digit code/);
  await expect(status).toHaveText('Two-factor authentication is on.');

  // The code that turned it on was this step's, and each code works once: use the next step's.
  await offCode.fill(totpCode(secret, Date.now() + 30_000));
  await expect(status).toHaveText('Two-factor authentication is off.');
  await expect(page.getByTestId('twofa-done')).toHaveText(
    'Turned off. Signing in now needs only your password.',
  );
  expect(await app.control.countRequests('DELETE', '/v1/auth/2FA')).toBe(1);
});
