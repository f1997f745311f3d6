// Opening the window already signed in: the first call brings the session and the shown account's
// account and quota (getStartState), so the quota is on screen without asking for either again,
// and always for the account the session shows.

import { sandboxAccounts } from '../../sandbox/seed-accounts';
import { test, expect } from './harness/app-fixture';
import { signInThroughForm } from './harness/flows';

test('a window that opens signed in shows the quota from its first call alone', async ({ app }) => {
  await signInThroughForm(app);
  const { page } = app;
  const quota = page.getByRole('region', { name: 'Quota', exact: true });
  await expect(quota).toContainText('100,000 invocations left');

  app.bridgeCalls.length = 0;
  await app.open();
  await expect(quota).toContainText('100,000 invocations left');
  await expect(page.getByRole('region', { name: 'Profile' })).toContainText(
    sandboxAccounts.demo.email,
  );
  // (The log may also hold a late call of the page before the reload, such as the chart's history.)
  expect(app.bridgeCalls).toContain('getStartState');
  // Main already held both: the window never asked for them again.
  expect(app.bridgeCalls).not.toContain('getAccount');
  expect(app.bridgeCalls).not.toContain('getQuotaStatus');
  expect(app.bridgeCalls).not.toContain('getSessionState');
});

test('a window opens on the account the session shows, with that account’s data', async ({
  app,
}) => {
  await signInThroughForm(app);
  const { page } = app;
  const { empty, demo } = sandboxAccounts;
  // A second account signed in beside the first (main shows it), then the window opens again.
  await app.core.handlers.signIn({ email: empty.email, password: empty.password });
  await app.core.handlers.refreshAccount({ accountId: await app.accountId(empty.email) });
  await app.open();
  const profile = page.getByRole('region', { name: 'Profile' });
  await expect(profile).toContainText(empty.email);
  await expect(page.getByTestId('quota-gauge')).toContainText('1,000');

  await app.core.handlers.switchAccount({ accountId: await app.accountId(demo.email) });
  await app.open();
  await expect(profile).toContainText(demo.email);
  await expect(page.getByTestId('quota-gauge')).toContainText('100,000');
});
