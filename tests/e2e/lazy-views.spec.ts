// The signed-in views other than Account come in a chunk of their own. The window fetches it once
// the quota is on screen, while idle, so a first click on one of them draws at once; and a chunk
// that fails to arrive says so, with a button that fetches it again. Deep links land there too.

import { test, expect } from './harness/app-fixture';
import { afterQuotaChunk, openView, signInThroughForm } from './harness/flows';
import { captureView } from './harness/screens';

test('the other views arrive once the quota is shown, and open without a placeholder', async ({
  app,
}) => {
  const { page } = app;
  // Records whether a view's placeholder was ever drawn, however briefly.
  await page.addInitScript(() => {
    new MutationObserver(() => {
      if (document.querySelector('[data-testid=view-loading]'))
        (globalThis as { placeholderSeen?: boolean }).placeholderSeen = true;
    }).observe(document, { childList: true, subtree: true });
  });
  const fetched = page.waitForRequest((request) => afterQuotaChunk.test(request.url()));
  await signInThroughForm(app);
  await fetched;
  await page.waitForLoadState('networkidle');

  for (const [view, heading] of [
    ['Billing', 'Billing'],
    ['Settings', 'Settings'],
    ['Password', 'Password'],
    ['Two-factor authentication', 'Two-factor authentication'],
  ] as const) {
    await openView(page, view);
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeFocused();
  }
  expect(
    await page.evaluate(() => (globalThis as { placeholderSeen?: boolean }).placeholderSeen),
  ).toBeUndefined();
});

test('a view whose chunk fails to load says so, and Try again opens it', async ({ app }) => {
  const { page } = app;
  await page.route(afterQuotaChunk, (route) => route.abort('connectionfailed'));
  await signInThroughForm(app);

  await openView(page, 'Billing');
  await expect(page.getByRole('alert')).toContainText('This page could not be opened');
  await expect(page.getByRole('heading', { name: 'Billing', level: 1 })).toHaveCount(0);
  await captureView(page, 'view-load-failed');

  await page.unroute(afterQuotaChunk);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { name: 'Billing', level: 1 })).toBeVisible();
  // The sidebar still works around it: Account is in the shell's own chunk.
  await openView(page, 'Account');
  await expect(page.getByRole('region', { name: 'Quota', exact: true })).toContainText(
    'invocations left',
  );
});

test('while the chunk is on its way a skeleton stands in, then the view takes focus', async ({
  app,
}) => {
  const { page } = app;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(afterQuotaChunk, async (route) => {
    await released;
    await route.continue();
  });
  await signInThroughForm(app);

  await openView(page, 'Settings');
  await expect(page.getByTestId('view-loading')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Loading…' })).toHaveCount(1);
  await captureView(page, 'view-loading');

  release();
  // Focus was still on the sidebar button: the view's heading takes it once it is drawn.
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeFocused();
  await expect(page.getByTestId('view-loading')).toHaveCount(0);
});

test('a reset link that arrives while signed in opens Set Password from the lazy chunk', async ({
  app,
}) => {
  const { page } = app;
  await signInThroughForm(app);
  app.core.navigate(app.core.parseDeepLink('greencloud://reset-password?code=abc123')!);
  await expect(
    page.getByRole('heading', { name: 'Choose a new password', level: 1 }),
  ).toBeVisible();
  await expect(page.getByLabel('Reset code')).toHaveValue('abc123');
  // Still inside the signed-in window, beside its sidebar.
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
});
