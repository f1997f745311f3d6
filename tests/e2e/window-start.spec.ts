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

test('a window that opens signed in loads the shell as its entry, and still signs out to the form', async ({
  app,
}) => {
  const { page } = app;
  const { demo } = sandboxAccounts;
  const servedPage = async () => (await page.request.get(page.url())).text();
  // Nobody signed in: the sign-in page, which names nothing of the signed-in side.
  await app.open();
  await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/index.html');
  const signInPage = await servedPage();
  expect(signInPage).toMatch(
    /<script type="module" crossorigin src="\.\/assets\/index-[^"]+\.js">/,
  );
  expect(signInPage).not.toContain('signed-in');

  await signInThroughForm(app);
  const shellRequests: string[] = [];
  page.on('request', (request) => {
    if (/signed-in-main-.*\.(js|css)$/.test(request.url())) shellRequests.push(request.url());
  });
  // Every loading line the window draws on its way to the quota.
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { loadingSeen: string[] }).loadingSeen = []);
    new MutationObserver(() => {
      for (const line of document.querySelectorAll('[role=status]')) {
        const text = line.textContent?.trim() ?? '';
        if (text && !seen.includes(text)) seen.push(text);
      }
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  await app.open();
  await expect(page.getByRole('region', { name: 'Quota', exact: true })).toContainText(
    '100,000 invocations left',
  );
  // The page main opens a signed-in window on: its entry is the signed-in side's chunk (the one
  // the sign-in page imports lazily), beside the chunk both pages share.
  expect(new URL(page.url()).pathname).toBe('/signed-in.html');
  const served = await servedPage();
  expect(served).toMatch(
    /<script type="module" crossorigin src="\.\/assets\/signed-in-main-[^"]+\.js">/,
  );
  expect(served).toMatch(/src="\.\/assets\/app-[^"]+\.js"/);
  expect(served).not.toMatch(/assets\/index-/);
  expect(served).toMatch(
    /<link rel="stylesheet" crossorigin href="\.\/assets\/signed-in-main-[^"]+\.css">/,
  );
  // Nothing waits for the shell between the start state and the quota ("Opening your account…"
  // is the sign-in page's line while the lazy chunk arrives).
  const loadingSeen = await page.evaluate(
    () => (window as unknown as { loadingSeen: string[] }).loadingSeen,
  );
  expect(loadingSeen).not.toContain('Opening your account…');
  // Each file once, all asked for by the page before the shared chunk had even arrived.
  expect(shellRequests).toHaveLength(2);
  const timing = await page.evaluate(() =>
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((file) => ({
      name: file.name,
      startTime: file.startTime,
      responseEnd: file.responseEnd,
    })),
  );
  const shared = timing.find((file) => /\/app-.*\.js$/.test(file.name))!;
  const shell = timing.find((file) => /\/signed-in-main-.*\.js$/.test(file.name))!;
  expect(shell.startTime).toBeLessThan(shared.responseEnd);

  // The signed-in page holds the whole app: signing out shows the sign-in form on it, and
  // signing in there again shows the account.
  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: `Sign out of ${demo.email}` }).click();
  await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Email' })).toBeVisible();
  await page.getByLabel('Email').fill(demo.email);
  await page.getByLabel('Password', { exact: true }).fill(demo.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Quota', exact: true })).toContainText(
    '100,000 invocations left',
  );
  expect(new URL(page.url()).pathname).toBe('/signed-in.html');
});
