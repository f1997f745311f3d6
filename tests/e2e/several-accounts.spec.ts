// Several accounts at once (issue 8): the demo and the 2FA sandbox accounts signed in together
// from the account menu, switching between them, a low-quota alert on the one not shown (the tray
// line and the notification name it), a restart that restores both, and signing out of one while
// the other keeps being watched.

import keytar from 'keytar';
import { sandboxAccounts } from '../../sandbox/seed-accounts';
import { keychainServiceName } from '../../src-main/session/keytar-secret-store';
import { trayViewOf } from '../../src-main/electron/tray-accounts';
import { buildTrayModel } from '../../src-main/electron/tray-model';
import { TotpDispenser } from '../helpers/totp-dispenser';
import { test, expect } from './harness/app-fixture';
import type { AppHarness } from './harness/app-fixture';
import { firstQuotaCheck, openView, signInThroughForm } from './harness/flows';
import { captureView } from './harness/screens';

const { demo, twofa } = sandboxAccounts;
/** One dispenser per test's sandbox: a sandbox refuses a code's step only once used there. */
const dispensers = new WeakMap<AppHarness, TotpDispenser>();
function nextCode(app: AppHarness): string {
  const dispenser = dispensers.get(app) ?? new TotpDispenser();
  dispensers.set(app, dispenser);
  return dispenser.next(twofa.totpSecret);
}

/** On the sign-in screen with the 2FA account's email: its password, then a fresh code. */
async function finishTwofaSignIn(app: AppHarness): Promise<void> {
  const { page } = app;
  await page.getByLabel('Password', { exact: true }).fill(twofa.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  // The code field submits on its sixth digit: no button press needed.
  await page.getByLabel('Two-factor code').fill(nextCode(app));
  await expect(page.getByRole('heading', { name: 'Account', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Account menu' })).toContainText(twofa.email);
}

/** The demo account through the sign-in form, then Account menu → Add account… for the 2FA one. */
async function signInBoth(app: AppHarness): Promise<void> {
  await signInThroughForm(app);
  const { page } = app;
  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Add account…' }).click();
  await expect(page.getByText('Adding an account: the others stay signed in.')).toBeVisible();
  await page.getByLabel('Email').fill(twofa.email);
  await finishTwofaSignIn(app);
}

async function switchTo(app: AppHarness, email: string): Promise<void> {
  const { page } = app;
  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitemradio', { name: email }).click();
  await expect(page.getByRole('button', { name: 'Account menu' })).toContainText(email);
}

/** The tray's menu as the app would build it from every account's quota. */
function trayMenu(app: AppHarness) {
  const view = trayViewOf(app.core.quotaOverview());
  const model = buildTrayModel(view.status, { now: Date.now(), formatTime: String }, view.accounts);
  return { iconName: model.iconName, tooltip: model.tooltip, lines: view.accounts ?? [] };
}

test('two accounts side by side: switch, alert on the hidden one, restart, sign out of one', async ({
  app,
}) => {
  const { page } = app;
  await signInBoth(app);
  await firstQuotaCheck(app);
  await expect(page.getByTestId('quota-gauge')).toContainText('1,000 of 1,000');
  // The profile beside that quota is the same account's, never the one shown before it.
  await expect(page.getByRole('region', { name: 'Profile' })).toContainText(twofa.email);

  // Both are listed; the 2FA one is shown.
  await page.getByRole('button', { name: 'Account menu' }).click();
  const menu = page.getByRole('menu', { name: 'Accounts' });
  await expect(menu.getByRole('menuitemradio')).toHaveCount(2);
  await expect(menu.getByRole('menuitemradio', { name: twofa.email })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await captureView(page, 'account-menu');
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();

  await switchTo(app, demo.email);
  await expect(page.getByTestId('quota-gauge')).toContainText('100,000 of 100,000');
  const demoId = await app.accountId(demo.email);
  const twofaId = await app.accountId(twofa.email);
  expect(demoId).not.toBe(twofaId);

  // The 2FA account runs low while the demo account is on screen.
  await app.control.setAccount(twofa.email, { quota: 50 });
  await app.core.refreshQuotaNow();
  await expect.poll(() => app.notifications.map((notice) => notice.accountId)).toEqual([twofaId]);
  expect(app.notifications[0]).toMatchObject({
    kind: 'low',
    title: `GreenCloud quota is low · ${twofa.email}`,
  });
  const tray = trayMenu(app);
  expect(tray.iconName).toBe('low');
  expect(tray.tooltip).toContain(twofa.email);
  expect(tray.lines).toEqual([
    { accountId: demoId, label: `${demo.email}: 100,000 of 100,000 left (100%), OK` },
    { accountId: twofaId, label: `${twofa.email}: 50 of 1,000 left (5%), low` },
  ]);
  // The shown account is fine, so its window raises no banner.
  await expect(page.getByRole('region', { name: 'Quota alert' })).toBeHidden();

  // A restart restores both, showing the account shown last.
  await app.restart();
  await expect(page.getByRole('heading', { name: 'Account', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Account menu' })).toContainText(demo.email);
  expect(app.core.quotaOverview().map((line) => line.email)).toEqual([demo.email, twofa.email]);
  await expect.poll(() => app.core.quotaStatus(twofaId).quota).toBe(50);

  // Signing out of the demo account keeps the 2FA one, its tokens and its watcher.
  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: `Sign out of ${demo.email}` }).click();
  await expect(page.getByRole('button', { name: 'Account menu' })).toContainText(twofa.email);
  expect(await keytar.getPassword(keychainServiceName, demoId)).toBeNull();
  expect(await keytar.getPassword(keychainServiceName, twofaId)).not.toBeNull();
  await app.control.setAccount(twofa.email, { quota: 5 });
  await app.core.refreshQuotaNow();
  await expect(page.getByTestId('quota-gauge')).toContainText('5 of 1,000');
  await expect
    .poll(() => app.notifications.map((notice) => notice.kind))
    .toEqual(['low', 'critical']);
  expect(app.core.quotaOverview().map((line) => line.email)).toEqual([twofa.email]);
});

test('an account whose tokens left the keychain is listed as needing sign-in, the other restored', async ({
  app,
}) => {
  const { page } = app;
  await signInBoth(app);
  const twofaId = await app.accountId(twofa.email);
  await app.core.shutdown();
  await keytar.deletePassword(keychainServiceName, twofaId);

  await app.restart();
  await expect(page.getByRole('button', { name: 'Account menu' })).toContainText(demo.email);
  await page.getByRole('button', { name: 'Account menu' }).click();
  const entry = page.getByRole('menuitemradio', { name: twofa.email });
  await expect(entry).toContainText('Needs sign-in');
  await expect(entry).toContainText('no longer finds this account’s sign-in');
  await captureView(page, 'account-menu-needs-sign-in');

  // Choosing it opens the sign-in screen with its email, beside the account still signed in.
  await entry.click();
  await expect(page.getByLabel('Email')).toHaveValue(twofa.email);
  await captureView(page, 'sign-in-adding-account');
  await page.getByRole('button', { name: `Back to ${demo.email}` }).click();
  await expect(page.getByRole('heading', { name: 'Account', level: 1 })).toBeVisible();

  // Signing it in again puts it back beside the other, on its own server.
  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitemradio', { name: twofa.email }).click();
  await finishTwofaSignIn(app);
  expect(app.core.quotaOverview().map((line) => line.email)).toEqual([demo.email, twofa.email]);
});

test('signing in again to an account already signed in switches to it', async ({ app }) => {
  const { page } = app;
  await signInBoth(app);
  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Add account…' }).click();
  await page.getByLabel('Email').fill(demo.email);
  await page.getByLabel('Password', { exact: true }).fill(demo.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Account menu' })).toContainText(demo.email);
  expect(app.core.quotaOverview().map((line) => line.email)).toEqual([demo.email, twofa.email]);
});

test('a mute applies to the shown account, or to every account when asked', async ({ app }) => {
  const { page } = app;
  await signInBoth(app);
  const demoId = await app.accountId(demo.email);
  const twofaId = await app.accountId(twofa.email);
  await openView(page, 'Settings');
  await page.getByRole('button', { name: 'Mute for 1 hour' }).click();
  await expect(page.getByTestId('mute-status')).toHaveText(/^Alerts are muted until .+\.$/);
  expect(app.core.quotaStatus(twofaId).mutedUntil).toBeDefined();
  expect(app.core.quotaStatus(demoId).mutedUntil).toBeUndefined();

  await page.getByRole('checkbox', { name: `For every account, not only ${twofa.email}` }).check();
  await page.getByRole('button', { name: 'Mute until I turn it back on' }).click();
  await expect.poll(() => app.core.quotaStatus(demoId).mutedForever).toBe(true);
  expect(app.core.quotaStatus(twofaId).mutedForever).toBe(true);
  await expect(page.getByTestId('mute-status')).toHaveText(
    'Alerts are muted until you turn them back on.',
  );
});
