// Steps many specs share, written as a user would do them.

import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { filesNamedBy } from '../../../scripts/report-bundle-size';
import { sandboxAccounts } from '../../../sandbox/seed-accounts';
import type { AppHarness } from './app-fixture';

/** Signs in through the sign-in form (the sandbox is the custom endpoint) and waits for Account. */
export async function signInThroughForm(
  app: AppHarness,
  account: { email: string; password: string } = sandboxAccounts.demo,
): Promise<void> {
  await app.open();
  const page = app.page;
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Account', level: 1 })).toBeVisible();
  await firstQuotaCheck(app);
  // The window's own read of the account too: on a busy machine it can leave after the watcher's
  // first poll, and a fault or reset a spec sets up next would meet it, or be joined by it.
  await expect(page.getByRole('region', { name: 'Profile' })).toContainText(account.email);
  await apiSettled(app);
}

/**
 * Waits until the sandbox has seen no API request for a quarter of a second. A read answered just
 * before a spec resets the server or sets a one-shot fault can still be on its way into the app,
 * and a Refresh clicked then joins it (one read, not two) and shows the answer from before.
 */
export async function apiSettled(app: AppHarness): Promise<void> {
  let seen = -1;
  await expect
    .poll(
      async () => {
        const count = (await app.control.requests()).length;
        const settled = count === seen;
        seen = count;
        return settled;
      },
      { intervals: [250] },
    )
    .toBe(true);
}

/**
 * Waits for the quota watcher's first poll after sign-in. Until then a GET /v1/user of the app's
 * own may still be on its way, and a fault a spec sets up would hit that instead of the user's.
 */
export async function firstQuotaCheck(app: AppHarness): Promise<void> {
  await expect.poll(() => app.core.quotaStatus().lastGoodAt).toBeDefined();
}

/** The URL of the renderer's chunk of the views after Account (see src-renderer/lib/lazy-views.ts). */
export const afterQuotaChunk = /\/assets\/after-quota-[\w-]+\.js$/;

/**
 * The computer goes offline. In the app the window's own files come from app:// on disk, which no
 * network state touches; the harness serves them over loopback HTTP, which Chromium's offline
 * emulation cuts as well. So the chunk of the views after Account (which the window fetches once
 * the quota shows, when idle) is in the page's own module map first: a spec can then open Billing
 * offline as a user of the app could. It is the chunk this page fetched: each page is a build of
 * its own, with its own copy (scripts/renderer-build.ts), and the other copy would start a second
 * app in the window.
 */
export async function goOffline(app: AppHarness): Promise<void> {
  const chunk = await chunkOfShownPage(app.page, afterQuotaChunk);
  await app.page.evaluate(async (url) => {
    await import(url);
  }, `./${chunk}`);
  await app.page.context().setOffline(true);
}

/**
 * The built file matching `pattern` that the page the window shows can load: found from the
 * scripts its HTML names, through the chunks they name in turn. Each page is a build of its own.
 */
async function chunkOfShownPage(page: Page, pattern: RegExp): Promise<string> {
  const html = await (await page.request.get(page.url())).text();
  const queue = filesNamedBy(html).filter((file) => file.endsWith('.js'));
  const seen = new Set(queue);
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (pattern.test(`/${file}`)) return file;
    const code = await readFile(resolve('out/renderer', file), 'utf8');
    for (const [, name] of code.matchAll(/["'`]\.\/([\w-]+\.js)["'`]/g)) {
      const named = `assets/${name}`;
      if (seen.has(named)) continue;
      seen.add(named);
      queue.push(named);
    }
  }
  throw new Error(`The shown page loads no chunk like ${pattern}: run \`npm run build\`.`);
}

/** The sidebar's views, in its order. */
export const sidebarViews = [
  'Account',
  'Password',
  'Two-factor authentication',
  'Billing',
  'Settings',
] as const;

/** Opens a view from the sidebar. */
export async function openView(page: Page, name: string): Promise<void> {
  await page
    .getByRole('navigation')
    .getByRole('link', { name, exact: true })
    .or(page.getByRole('navigation').getByRole('button', { name, exact: true }))
    .click();
}

/** Starts "Try the sandbox" from the sign-in screen and waits for Account (the demo account). */
export async function trySandbox(app: AppHarness): Promise<void> {
  await app.open();
  await app.page.getByRole('button', { name: 'Try the sandbox' }).click();
  await expect(app.page.getByRole('heading', { name: 'Account', level: 1 })).toBeVisible();
  await firstQuotaCheck(app);
}
