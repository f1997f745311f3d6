// Keyboard only, no mouse: sign in, read the quota on the Account view, and buy a refill. Every
// step moves with Tab and acts with Enter or Space, as someone who cannot use a pointer would.

import type { Page } from '@playwright/test';
import { sandboxAccounts } from '../../sandbox/seed-accounts';
import { test, expect } from './harness/app-fixture';

/** Presses Tab until the focused element's accessible name is `name` (at most 60 presses). */
async function tabTo(page: Page, name: string | RegExp): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      const labelled = el.getAttribute('aria-label');
      const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
      return (labelled ?? label ?? el.textContent ?? '').trim();
    });
    if (typeof name === 'string' ? focused === name : name.test(focused)) return;
  }
  throw new Error(`Tab never reached "${String(name)}"`);
}

test('sign in, read the quota and buy a refill with the keyboard alone', async ({ app }) => {
  test.setTimeout(60_000);
  const { page } = app;
  const demo = sandboxAccounts.demo;
  await app.open();

  await tabTo(page, 'Email');
  await page.keyboard.type(demo.email);
  await tabTo(page, 'Password');
  await page.keyboard.type(demo.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Account', level: 1 })).toBeVisible();

  // The quota is the first thing on the Account view, in words a screen reader reads out.
  await expect(
    page.getByRole('meter', { name: 'Quota left in the DEVELOPER bundle' }),
  ).toHaveAttribute('aria-valuetext', '100,000 of 100,000 left (100%)');

  await tabTo(page, 'Buy refill');
  await page.keyboard.press('Enter');
  // Buy refill on the Account view opens Billing, where the refill is one section of the page.
  await expect(page.getByRole('heading', { name: 'Billing', level: 1 })).toBeVisible();
  await tabTo(page, 'Buy refill…');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Buy a refill?' });
  await expect(dialog).toBeVisible();
  // Cancel has the first focus: Enter alone never buys.
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Buy now' })).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page.getByTestId('refill-done')).toContainText(
    'Your DEVELOPER quota went from 100,000 to 200,000 invocations.',
  );
  expect(await app.control.countRequests('POST', '/v1/user/buy')).toBe(1);
});
