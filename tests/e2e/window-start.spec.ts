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

test('a window that opens signed in fetches the shell with its entry, and still signs out to the form', async ({
  app,
}) => {
  const { page } = app;
  const { demo } = sandboxAccounts;
  const servedPage = async () => (await page.request.get(page.url())).text();
  // Nobody signed in: the sign-in page, which names nothing of the signed-in side.
  await app.open();
  await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/index.html');
  expect(await servedPage()).not.toContain('SignedInRoot');

  await signInThroughForm(app);
  const shellRequests: string[] = [];
  page.on('request', (request) => {
    if (/SignedInRoot-.*\.(js|css)$/.test(request.url())) shellRequests.push(request.url());
  });
  await app.open();
  await expect(page.getByRole('region', { name: 'Quota', exact: true })).toContainText(
    '100,000 invocations left',
  );
  // The page main opens a signed-in window on: the same entry, plus the shell's chunk and CSS.
  expect(new URL(page.url()).pathname).toBe('/signed-in.html');
  const served = await servedPage();
  expect(served).toMatch(/<script type="module" crossorigin src="\.\/assets\/index-[^"]+\.js">/);
  expect(served).toMatch(
    /<link rel="modulepreload" crossorigin href="\.\/assets\/SignedInRoot-[^"]+\.js">/,
  );
  expect(served).toMatch(
    /<link rel="stylesheet" crossorigin href="\.\/assets\/SignedInRoot-[^"]+\.css">/,
  );
  // Each file once (the entry's own import of the shell finds it loaded), and asked for before
  // the entry had even arrived: by the page, not by the entry once it ran.
  expect(shellRequests).toHaveLength(2);
  const timing = await page.evaluate(() =>
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((entry) => ({
      name: entry.name,
      startTime: entry.startTime,
      responseEnd: entry.responseEnd,
    })),
  );
  const entry = timing.find((file) => /\/index-.*\.js$/.test(file.name))!;
  const shell = timing.find((file) => /\/SignedInRoot-.*\.js$/.test(file.name))!;
  expect(shell.startTime).toBeLessThan(entry.responseEnd);

  // The signed-in page holds the whole app: signing out shows the sign-in form on it.
  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: `Sign out of ${demo.email}` }).click();
  await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Email' })).toBeVisible();
});
