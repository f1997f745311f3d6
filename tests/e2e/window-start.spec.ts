// Opening the window already signed in: the first call brings the session and the shown account's
// account and quota (getStartState), so the quota is on screen without asking for either again,
// and always for the account the session shows.

import { filesNamedBy } from '../../scripts/report-bundle-size';
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

test('a window that opens signed in loads one script and one stylesheet, and still signs out to the form', async ({
  app,
}) => {
  const { page } = app;
  const { demo } = sandboxAccounts;
  const servedPage = async () => (await page.request.get(page.url())).text();
  // Nobody signed in: the sign-in page, which names nothing of the signed-in side.
  await app.open();
  await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/index.html');
  const signInFiles = filesNamedBy(await servedPage());
  expect(signInFiles).toEqual([
    expect.stringMatching(/^assets\/index-[^/]+\.js$/),
    expect.stringMatching(/^assets\/index-[^/]+\.css$/),
  ]);

  await signInThroughForm(app);
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
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
  // The page main opens a signed-in window on, a build of its own: one script holding the
  // signed-in side and one stylesheet, nothing of the sign-in page's.
  expect(new URL(page.url()).pathname).toBe('/signed-in.html');
  const files = filesNamedBy(await servedPage());
  expect(files).toEqual([
    expect.stringMatching(/^assets\/signed-in-[^/]+\.js$/),
    expect.stringMatching(/^assets\/signed-in-[^/]+\.css$/),
  ]);
  // Nothing waits for a chunk between the start state and the quota ("Opening your account…" is
  // the sign-in page's line while the signed-in side arrives).
  const loadingSeen = await page.evaluate(
    () => (window as unknown as { loadingSeen: string[] }).loadingSeen,
  );
  expect(loadingSeen).not.toContain('Opening your account…');
  // Each of the page's files once, and nothing else before the quota showed: the sign-in screens
  // wait until the window is idle.
  for (const file of files) expect(requested.filter((path) => path === `/${file}`)).toHaveLength(1);
  const assetsRequested = requested.filter((path) => path.startsWith('/assets/'));
  expect(assetsRequested.slice(0, 2).toSorted()).toEqual(
    files.map((file) => `/${file}`).toSorted(),
  );
  await expect.poll(() => requested.some((path) => /\/SignedOut-[^/]+\.js$/.test(path))).toBe(true);

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
