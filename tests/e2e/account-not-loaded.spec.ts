// An account GreenCloud never sent: signed in, but every read of the account fails. The Account
// view says so in a sentence with Try again, and shows the account once GreenCloud answers again.

import { sandboxAccounts } from '../../sandbox/seed-accounts';
import { test, expect } from './harness/app-fixture';
import { lookAt } from './harness/screens';

const { demo } = sandboxAccounts;
const technical = /Error:|at \w+ \(|\{|undefined|SyntaxError/;

test('an account that never loaded says why, and Try again shows it once GreenCloud answers', async ({
  app,
}) => {
  await app.open();
  const { page } = app;
  // More failures than the window's read and the watcher's first poll use up with their retries.
  await app.control.fault({ mode: 'status', status: 500, count: 20, path: '/v1/user' });
  await page.getByLabel('Email').fill(demo.email);
  await page.getByLabel('Password', { exact: true }).fill(demo.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();

  const error = page.getByTestId('account-error');
  await expect(error).toContainText('Your account could not be loaded');
  await expect(error).toContainText('HTTP 500');
  await expect(error).not.toContainText(technical);
  await lookAt(page, 'account-not-loaded', 'Account', true, error);

  // GreenCloud answers again: the sandbox's remaining failures are used up by reads of our own.
  const userUrl = `${app.sandbox.apiBaseUrl}/user`;
  let status = 500;
  for (let read = 0; read < 20 && status === 500; read += 1) status = (await fetch(userUrl)).status;
  expect(status).not.toBe(500);
  await error.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('region', { name: 'Profile' })).toContainText(demo.email);
  await expect(error).toBeHidden();
});
