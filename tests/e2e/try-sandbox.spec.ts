// "Try the sandbox": someone without an account looks around the demo account, and every screen
// says SANDBOX so the pretend data is never mistaken for a real account.

import { sandboxAccounts } from '../../sandbox/seed-accounts';
import { test, expect } from './harness/app-fixture';
import { sessionStateInPage } from './harness/bridge-reads';
import { openView, sidebarViews } from './harness/flows';

test('trying the sandbox signs into the demo account, marked SANDBOX on every view', async ({
  app,
}) => {
  const page = app.page;
  await app.open();
  await expect(page.getByTestId('sandbox-badge')).toHaveCount(0);

  await page.getByRole('button', { name: 'Try the sandbox' }).click();
  await expect(page.getByRole('heading', { name: 'Account', level: 1 })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(sandboxAccounts.demo.email);
  expect(await app.control.countRequests('POST', '/v1/auth/login')).toBe(1);

  const state = await sessionStateInPage(page);
  expect(state).toMatchObject({
    ok: true,
    value: { status: 'signed-in', endpoint: { kind: 'sandbox' } },
  });

  for (const label of sidebarViews) {
    await openView(page, label);
    await expect(
      page.getByRole('navigation').getByRole('button', { name: label, exact: true }),
    ).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByTestId('sandbox-badge'), `SANDBOX badge on ${label}`).toHaveText(
      'SANDBOX',
    );
  }
});
