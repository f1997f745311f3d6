// A look at every view: light and dark screenshots with an axe check (captureView), then the same
// view in an 800×600 window, where nothing may spill sideways and the sidebar and the view's
// heading stay in sight. Pictures land in test-results/screenshots/.

import type { Page } from '@playwright/test';
import { test, expect } from './harness/app-fixture';
import { sandboxAccounts } from '../../sandbox/seed-accounts';
import { openView, signInThroughForm } from './harness/flows';
import { captureView } from './harness/screens';

const roomy = { width: 1100, height: 750 };
const small = { width: 800, height: 600 };

/** Screenshots and axe at the usual size, then the 800×600 layout checks and picture. */
async function lookAt(page: Page, name: string, heading: string, signedIn: boolean) {
  await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
  await captureView(page, name);

  await page.setViewportSize(small);
  try {
    const widths = await page.evaluate(() => {
      const main = document.querySelector('main');
      return {
        page: document.documentElement.scrollWidth,
        window: innerWidth,
        // The shell clips its main column, so content too wide for it would not widen the page:
        // measure the scrolling content area as well.
        content: main ? main.scrollWidth - main.clientWidth : 0,
        // Boxes whose content runs past their own edges (text out of a card or fieldset), which
        // the page's width alone would not show.
        spilling: [...(main?.querySelectorAll<HTMLElement>('*') ?? [])]
          .filter((el) => {
            const style = getComputedStyle(el);
            return (
              style.display !== 'inline' &&
              style.overflowX === 'visible' &&
              el.clientWidth > 0 &&
              el.scrollWidth > el.clientWidth + 1
            );
          })
          .map(
            (el) =>
              `${el.tagName.toLowerCase()}.${el.className}: ${el.textContent?.trim().slice(0, 60)}`,
          ),
      };
    });
    expect(widths.page, `${name}: the page is no wider than the window`).toBeLessThanOrEqual(
      widths.window,
    );
    expect(widths.content, `${name}: nothing in the view spills sideways`).toBeLessThanOrEqual(0);
    expect(widths.spilling, `${name}: boxes whose content runs past their edges`).toEqual([]);
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeInViewport();
    if (signedIn) await expect(page.getByRole('navigation', { name: 'Main' })).toBeInViewport();
    await page.screenshot({ path: `test-results/screenshots/${name}-800x600.png` });
  } finally {
    await page.setViewportSize(roomy);
  }
}

test('signed-out views: sign in, forgot password, set password', async ({ app }) => {
  const { page } = app;
  await app.open();
  await lookAt(page, 'sign-in', 'Sign in', false);

  await page.getByRole('button', { name: 'Forgot password?' }).click();
  await lookAt(page, 'forgot-password', 'Reset your password', false);

  await page.getByRole('button', { name: 'I have a code' }).click();
  await lookAt(page, 'set-password', 'Choose a new password', false);
});

test('account and security views', async ({ app }) => {
  test.setTimeout(60_000);
  const { page } = app;
  await signInThroughForm(app);
  await lookAt(page, 'account', 'Account', true);
  for (const [name, view] of [
    ['password', 'Password'],
    ['two-factor', 'Two-factor authentication'],
    ['settings', 'Settings'],
  ] as const) {
    await openView(page, view);
    await lookAt(page, name, view, true);
  }
});

test('billing views', async ({ app }) => {
  test.setTimeout(60_000);
  const { page } = app;
  await signInThroughForm(app);
  for (const [name, view] of [
    ['bundles', 'Bundles'],
    ['refill', 'Buy refill'],
    ['card', 'Card'],
    ['invoices', 'Invoices'],
  ] as const) {
    await openView(page, view);
    await lookAt(page, name, view, true);
  }

  await openView(page, 'Bundles');
  await page.getByRole('button', { name: 'Enter payment details' }).click();
  await lookAt(page, 'bundles-form', 'Bundles', true);

  await openView(page, 'Invoices');
  await page
    .getByRole('button', { name: /^View invoice/ })
    .first()
    .click();
  await expect(page.getByRole('button', { name: 'Open receipt' })).toBeVisible();
  await lookAt(page, 'invoice-detail', 'Invoices', true);
  await expect(page.getByRole('region', { name: 'Invoice detail' })).toBeVisible();
});

test('account states: chart with history and low banner, stale, offline, About', async ({
  app,
}) => {
  test.setTimeout(90_000);
  const { page } = app;
  await signInThroughForm(app);
  const demo = sandboxAccounts.demo;
  // A few hours of use, so the chart and the pace line have something to show, down to low.
  for (const quota of [60_000, 35_000, 20_000, 9_500]) {
    await app.control.setAccount(demo.email, { quota });
    await app.advanceClock(40 * 60_000);
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    await expect(page.getByTestId('quota-gauge')).toContainText(quota.toLocaleString('en-US'));
  }
  await expect(page.getByRole('region', { name: 'Quota alert' })).toBeVisible();
  await expect(page.getByTestId('quota-chart')).toBeVisible();
  await lookAt(page, 'account-low', 'Account', true);

  // Dismissed, the banner stays away until the level changes.
  await page.getByRole('button', { name: 'Dismiss until the quota level changes' }).click();
  await expect(page.getByRole('region', { name: 'Quota alert' })).toBeHidden();
  await app.control.setAccount(demo.email, { quota: 500 });
  await page.getByRole('button', { name: 'Refresh', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Quota alert' })).toContainText(
    'Quota almost used up',
  );
  await lookAt(page, 'account-critical', 'Account', true);

  await app.control.fault({ mode: 'status', status: 503, count: 3, path: '/v1/user' });
  await page.getByRole('button', { name: 'Refresh', exact: true }).click();
  await expect(page.getByTestId('stale-notice')).toBeVisible();
  await lookAt(page, 'account-stale', 'Account', true);
  await page.getByTestId('stale-notice').getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByTestId('stale-notice')).toBeHidden();

  await page.context().setOffline(true);
  await expect(page.getByTestId('stale-notice')).toContainText('You are offline.');
  await lookAt(page, 'account-offline', 'Account', true);
  await page.context().setOffline(false);

  app.core.navigate({ view: 'show', target: 'about' });
  await lookAt(page, 'about', 'About GreenCloud Desktop', true);
});

test('sign-in states: custom server, 2FA step, session ended', async ({ app }) => {
  test.setTimeout(60_000);
  const { page } = app;
  await app.open();
  // The e2e harness signs in to its sandbox as a custom server: the selector says so.
  await expect(page.getByLabel('Signing in to:')).toHaveValue('saved');
  await expect(page.getByRole('form', { name: 'Server' })).toHaveCount(0);
  await lookAt(page, 'sign-in-custom-server', 'Sign in', false);
  await page.getByLabel('Signing in to:').selectOption('custom');
  await expect(page.getByRole('form', { name: 'Server' })).toBeVisible();
  await lookAt(page, 'sign-in-custom-url-form', 'Sign in', false);
  await page.getByLabel('Signing in to:').selectOption('saved');

  const twofa = sandboxAccounts.twofa;
  await page.getByLabel('Email').fill(twofa.email);
  await page.getByLabel('Password', { exact: true }).fill(twofa.password);
  await page.getByRole('button', { name: 'Show password' }).click();
  await expect(page.getByLabel('Password', { exact: true })).toHaveAttribute('type', 'text');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Enter your 2FA code' })).toBeVisible();
  // No sandbox card on the 2FA step.
  await expect(page.getByRole('button', { name: 'Try the sandbox' })).toHaveCount(0);
  await lookAt(page, 'sign-in-2fa-step', 'Enter your 2FA code', false);
});
