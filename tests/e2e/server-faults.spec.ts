// When GreenCloud fails or the machine goes offline, the customer keeps seeing their last known
// account with its time, is told why in a sentence, cannot spend money on stale data, and gets
// everything back once GreenCloud answers again.

import { sandboxAccounts } from '../../sandbox/seed-accounts';
import { test, expect } from './harness/app-fixture';
import type { AppHarness } from './harness/app-fixture';
import { goOffline, openView, signInThroughForm } from './harness/flows';
import { captureView } from './harness/screens';

const technical = /Error:|at \w+ \(|\{|undefined|SyntaxError|Unexpected token/;

/** Each money action on the Billing page, and the sentence saying why it is switched off. */
const billingWhy = 'Buying, plan changes and card changes need a connection to GreenCloud';
const moneyActions = [
  { view: 'Billing', button: 'Buy refill…', why: billingWhy },
  { view: 'Billing', button: 'Switch to STARTER', why: billingWhy },
  { view: 'Billing', button: 'Set a bundle with a new card', why: billingWhy },
];

/** The Account view's "Refresh" (the stale notice's, once the data is stale). */
async function refreshNow(app: AppHarness): Promise<void> {
  await app.page.getByRole('main').getByRole('button', { name: 'Refresh', exact: true }).click();
}

async function expectMoneyActions(app: AppHarness, state: 'read-only' | 'usable') {
  const { page } = app;
  for (const action of moneyActions) {
    await openView(page, action.view);
    const button = page.getByRole('button', { name: action.button, exact: true });
    const notice = page.getByTestId('stale-notice');
    if (state === 'read-only') {
      await expect(button).toBeDisabled();
      await expect(notice).toContainText(action.why);
    } else {
      await expect(button).toBeEnabled();
      await expect(notice).toBeHidden();
    }
  }
}

test('while GreenCloud answers 503, I keep my last data, read-only, until it is back', async ({
  app,
}) => {
  await signInThroughForm(app);
  const { page } = app;
  const lastUpdated = (await page.getByTestId('last-updated').innerText())
    .replace(/^\s*Updated\s+/, '')
    .trim();
  await expect(page.getByTestId('quota-gauge')).toContainText('100,000 of 100,000');

  // The app tries a read three times before giving up: GreenCloud answers 503 to all three.
  await app.control.fault({ mode: 'status', status: 503, count: 3, path: '/v1/user' });
  await refreshNow(app);

  const notice = page.getByTestId('stale-notice');
  await expect(notice).toContainText('Showing the last known data');
  await expect(notice).toContainText(`This is your account as of ${lastUpdated}.`);
  await expect(notice).not.toContainText(technical);
  await expect(page.getByTestId('quota-gauge')).toContainText('100,000 of 100,000');
  await expect(page.getByRole('region', { name: 'Profile' })).toContainText('Dana Demo');
  const banner = page.getByRole('region', { name: 'Quota alert' });
  // One stale notice, one "Refresh": the quota banner does not say it a second time.
  await expect(banner).toBeHidden();
  await expect(page.getByRole('button', { name: 'Refresh', exact: true })).toHaveCount(1);
  await expect(page.getByTestId('last-updated')).toHaveClass(/stale/);
  await captureView(page, 'account-stale');

  await expectMoneyActions(app, 'read-only');
  await captureView(page, 'card-stale');
  expect(
    (await app.control.requests()).filter((r) => r.method !== 'GET' && r.path !== '/v1/auth/login'),
  ).toEqual([]);

  // GreenCloud is back: the one "Refresh" brings everything back to life.
  await notice.getByRole('button', { name: 'Refresh', exact: true }).click();
  await expect(notice).toBeHidden();
  await expect(banner).toBeHidden();
  await expectMoneyActions(app, 'usable');
});

test('a broken answer from GreenCloud is explained in a sentence and the app carries on', async ({
  app,
}) => {
  await signInThroughForm(app);
  const { page } = app;
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));

  await app.control.fault({ mode: 'malformed', count: 1, path: '/v1/user' });
  await refreshNow(app);

  const notice = page.getByTestId('stale-notice');
  await expect(notice).toContainText('Showing the last known data');
  await expect(notice).not.toContainText(technical);
  await expect(notice.locator('p')).toHaveText(/^\s*[A-Z][^{}<>]+\./);
  await expect(page.getByTestId('quota-gauge')).toContainText('100,000 of 100,000');

  // Fixed on GreenCloud's side: the stale notice's one "Refresh" brings the account back.
  await app.control.consume(sandboxAccounts.demo.email, 500);
  await notice.getByRole('button', { name: 'Refresh', exact: true }).click();
  await expect(notice).toBeHidden();
  await expect(page.getByTestId('quota-gauge')).toContainText('99,500 of 100,000');
  expect(errors).toEqual([]);
});

test('offline, the app says so and keeps money actions off until the network is back', async ({
  app,
}) => {
  await signInThroughForm(app);
  const { page } = app;
  await goOffline(app);

  await expect(page.getByRole('banner').getByRole('status')).toHaveText('Offline');
  await openView(page, 'Billing');
  await expect(page.getByTestId('stale-notice')).toContainText('You are offline.');
  await expectMoneyActions(app, 'read-only');

  await page.context().setOffline(false);
  await expect(page.getByRole('banner').getByRole('status')).toBeHidden();
  await expectMoneyActions(app, 'usable');
});
