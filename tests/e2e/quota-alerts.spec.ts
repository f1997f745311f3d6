// Quota alerts (issue 4): as the quota runs down, a banner on every view says so in the tray's
// words with Buy refill as the way out, the OS gets one notification per threshold crossed, and
// the Account view shows how long the quota lasts at the current pace, beside a chart of it.

import { sandboxAccounts } from '../../sandbox/seed-accounts';
import { test, expect } from './harness/app-fixture';
import type { AppHarness } from './harness/app-fixture';
import { openView, sidebarViews, signInThroughForm } from './harness/flows';
import { captureView, lookAt } from './harness/screens';

const demo = sandboxAccounts.demo;
const minute = 60_000;
/** "Refresh" on the Account view, and wait until it is done and shows the new quota. */
async function refreshNow(app: AppHarness, expectedQuota: number): Promise<void> {
  const { page } = app;
  await page.getByRole('button', { name: 'Refresh', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Refresh', exact: true })).toBeEnabled();
  await expect(page.getByTestId('quota-gauge')).toContainText(
    `${expectedQuota.toLocaleString('en-US')} of 100,000`,
  );
  expect(app.core.quotaStatus().quota).toBe(expectedQuota);
}

/**
 * Functions using 3,000 invocations every 45 minutes (4,000 an hour) from a full DEVELOPER bundle,
 * with the app checking after each burst; resolves with what is left.
 */
async function burnSteadily(app: AppHarness, bursts: number): Promise<number> {
  let quota = 100_000;
  for (let burst = 1; burst <= bursts; burst++) {
    await app.control.consume(demo.email, 3_000);
    quota -= 3_000;
    await app.advanceClock(45 * minute);
    await refreshNow(app, quota);
  }
  return quota;
}

const alertKinds = (app: AppHarness) => app.notifications.map((alert) => alert.kind);

test('the banner follows my quota down on every view, and its Buy refill brings me back', async ({
  app,
}) => {
  await signInThroughForm(app);
  const { page } = app;
  const banner = page.getByRole('region', { name: 'Quota alert' });
  await expect(page.getByTestId('quota-gauge')).toContainText('100,000 of 100,000');
  await expect(banner).toBeHidden();

  await app.control.setAccount(demo.email, { quota: 8_200 });
  await refreshNow(app, 8_200);
  for (const view of [...sidebarViews.slice(1), sidebarViews[0]]) {
    await openView(page, view);
    await expect(page.getByRole('heading', { name: view, level: 1 })).toBeVisible();
    await expect(banner).toContainText('Quota is running low.');
    await expect(banner).toContainText('DEVELOPER, 8,200 of 100,000 left (8%)');
    await expect(banner.getByRole('button', { name: 'Buy refill' })).toBeVisible();
  }
  await captureView(page, 'quota-banner-low');
  expect(alertKinds(app)).toEqual(['low']);

  // Looking again at the same low quota does not alert again.
  await refreshNow(app, 8_200);
  expect(alertKinds(app)).toEqual(['low']);

  await app.control.setAccount(demo.email, { quota: 500 });
  await refreshNow(app, 500);
  await expect(banner).toContainText('Quota almost used up.');
  await expect(banner).toContainText('500 of 100,000 left (<1%)');
  expect(alertKinds(app)).toEqual(['low', 'critical']);
  // Auto-renewal is on for this account: the alert says a renewal is on its way.
  expect(app.notifications[1]!.body).toContain('Auto-renewal is on');

  await app.control.setAccount(demo.email, { quota: 0 });
  await refreshNow(app, 0);
  await expect(banner).toContainText('Quota used up: function calls are failing.');
  await expect(banner).toContainText('0 of 100,000 left (0%)');
  // Used up with auto-renewal on: the renewal is due, as banner and pace line both say (never
  // "auto-renews when less than 1% is left" under "Quota used up").
  await expect(banner).toContainText('· auto-renewal is due');
  await expect(page.getByTestId('forecast')).toHaveText(
    /^Auto-renewal is due: a new DEVELOPER bundle/,
  );
  expect(alertKinds(app)).toEqual(['low', 'critical', 'exhausted']);
  await captureView(page, 'quota-banner-exhausted');

  await banner.getByRole('button', { name: 'Buy refill' }).click();
  await expect(page.getByRole('heading', { name: 'Billing', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Buy refill…' }).click();
  const refillDialog = page.getByRole('dialog', { name: 'Buy a refill?' });
  // A money action names the account it charges (several accounts may be signed in).
  await expect(refillDialog).toContainText(`DEVELOPER plan of ${demo.email}`);
  await refillDialog.getByRole('button', { name: 'Buy now' }).click();
  await expect(page.getByTestId('refill-done')).toContainText('100,000');
  await expect(banner).toBeHidden();
  expect(await app.control.countRequests('POST', '/v1/user/buy')).toBe(1);
  // After the alerts, a quiet word that the quota is back.
  await expect.poll(() => alertKinds(app)).toEqual(['low', 'critical', 'exhausted', 'renewed']);
});

test('with the low-quota notification off, the banner still warns but nothing pops up', async ({
  app,
}) => {
  await signInThroughForm(app);
  const { page } = app;
  await openView(page, 'Settings');
  await page.getByRole('switch', { name: 'Low-quota alerts' }).click();
  await expect(page.getByTestId('settings-status')).toHaveText('Low-quota alerts are now off.');

  await openView(page, 'Account');
  await app.control.setAccount(demo.email, { quota: 8_200 });
  await refreshNow(app, 8_200);
  await expect(page.getByRole('region', { name: 'Quota alert' })).toContainText(
    'Quota is running low.',
  );
  await app.control.setAccount(demo.email, { quota: 0 });
  await refreshNow(app, 0);
  await expect(page.getByRole('region', { name: 'Quota alert' })).toContainText('Quota used up');
  expect(app.notifications).toEqual([]);
});

test('at a steady pace, the Account view says when the quota runs out and charts it', async ({
  app,
}) => {
  await signInThroughForm(app);
  const { page } = app;
  // Without auto-renewal the bundle really runs out, which is worth an early warning.
  await openView(page, 'Billing');
  await page.getByRole('switch', { name: 'Auto-renewal' }).click();
  await expect(page.getByTestId('autorenewal-status')).toHaveText('Auto-renewal is now off.');
  await openView(page, 'Account');
  const forecast = page.getByTestId('forecast');
  await expect(forecast).toHaveText('Auto-renewal is off: buy a refill before the quota runs out.');
  // Too little history: a skeleton and one sentence, not "not enough history" twice.
  await expect(page.getByTestId('quota-chart-empty')).toBeVisible();
  await expect(page.getByText(/not enough history/i)).toHaveCount(0);

  // Six hours of steady use.
  await burnSteadily(app, 8);

  // 76,000 left at 4,000 an hour.
  await expect(forecast).toContainText('Runs out in ~19 hours (auto-renewal is off).');
  await expect(forecast).toContainText('About 4,000 invocations an hour over the last day.');

  const chart = page.getByTestId('quota-chart');
  await expect(chart).toHaveAttribute('aria-valuetext', /^76,000 left on /);
  // One point per check (the one at sign-in and eight after), then the projection to run-out.
  const path = (await chart.locator('path.line').getAttribute('d')) ?? '';
  expect(path.match(/[ML]/g)).toHaveLength(9);
  await expect(chart.locator('path.projection')).toHaveCount(1);
  await expect(chart.getByText('10%', { exact: true })).toBeVisible();
  // Values by keyboard: Home goes to the first check, the readout says it.
  await chart.focus();
  await page.keyboard.press('Home');
  await expect(page.getByTestId('chart-readout')).toContainText('100,000 left on');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('chart-readout')).toContainText('97,000 left on');
  // And on hover.
  const box = (await chart.boundingBox())!;
  await page.mouse.move(box.x + box.width - 40, box.y + box.height / 2);
  await expect(page.getByTestId('chart-readout')).toContainText('76,000 left on');
  await captureView(page, 'account-forecast');

  // Running out within a day is worth one early warning, not one per check.
  expect(alertKinds(app)).toEqual(['early-warning']);
  expect(app.notifications[0]!.body).toMatch(/At this rate it runs out in ~2\d hours\./);
});

test('with auto-renewal on, the pace line names the bundle, its price and the card as Billing does', async ({
  app,
}) => {
  test.setTimeout(60_000);
  await signInThroughForm(app);
  const { page, control } = app;
  const before = (await control.requests()).length;
  // Three hours of steady use: a renewal in view.
  await burnSteadily(app, 4);
  const forecast = page.getByTestId('forecast');
  // This server states no currency and none is set for it yet: the price says so in words.
  await expect(forecast).toContainText(
    /^Auto-renews in ~\d+ hours: a new DEVELOPER bundle for 9\.99 \(currency not set\), charged to Visa\s••••\s4242\./,
  );
  // The card on file costs the dashboard the invoice list and the newest invoice's page, once.
  const invoiceReads = (await control.requests())
    .slice(before)
    .filter((r) => r.path.startsWith('/v1/invoice'));
  expect(invoiceReads.map((r) => r.path)).toEqual(['/v1/invoice/list', '/v1/invoice/inv_000002']);

  // The currency set once on the Billing page is the dashboard's too.
  await openView(page, 'Billing');
  const ask = page.getByRole('form', { name: 'Billing currency' });
  await ask.getByLabel('Currency').selectOption('EUR');
  await ask.getByRole('button', { name: 'Save currency' }).click();
  await expect(page.getByTestId('current-plan')).toContainText('€9.99');
  await openView(page, 'Account');
  await expect(forecast).toContainText(
    /^Auto-renews in ~\d+ hours: a new DEVELOPER bundle for €9\.99, charged to Visa\s••••\s4242\./,
  );
  await lookAt(page, 'account-renewal', 'Account', true, forecast);
});
