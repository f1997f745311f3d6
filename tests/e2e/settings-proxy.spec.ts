// Settings → Network: the proxy typed in by the user is saved in main's settings, survives a
// reload, is refused with main's sentence when it is not a proxy address, and Clear gives the
// choice back to the system's settings. With a real forward proxy on loopback set there, the
// app's API requests go through it, and after Clear they no longer do.

import { startForwardProxy } from '../helpers/forward-proxy';
import { test, expect } from './harness/app-fixture';
import { settingsInPage } from './harness/bridge-reads';
import { openView, signInThroughForm } from './harness/flows';

test.beforeEach(async ({ app }) => {
  await signInThroughForm(app);
  await openView(app.page, 'Settings');
  await expect(app.page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
});

const savedProxy = async (app: { page: import('@playwright/test').Page }) => {
  const result = await settingsInPage(app.page);
  return result.ok ? (result.value.proxy ?? null) : 'unreadable';
};

test('the proxy is saved, survives a reload, and Clear removes it', async ({ app }) => {
  const page = app.page;
  const network = page.getByRole('region', { name: 'Network' });
  const field = network.getByRole('textbox', { name: 'Proxy (optional)' });
  await expect(field).toHaveValue('');
  await expect(field).toHaveAccessibleDescription(
    'Leave empty to use your system’s proxy settings (and HTTPS_PROXY where set).',
  );
  await expect(network).toContainText('Proxy passwords are never typed here');
  await expect(network.getByRole('button', { name: 'Clear' })).toBeDisabled();

  await field.fill('  proxy.corp.example:3128 ');
  await network.getByRole('button', { name: 'Save proxy' }).click();
  await expect(network.getByRole('status')).toHaveText('Proxy saved.');
  expect(await savedProxy(app)).toBe('proxy.corp.example:3128');

  await page.reload();
  await openView(page, 'Settings');
  await expect(field).toHaveValue('proxy.corp.example:3128');
  // Nothing changed since the save: nothing to save again.
  await expect(network.getByRole('button', { name: 'Save proxy' })).toBeDisabled();

  await network.getByRole('button', { name: 'Clear' }).click();
  await expect(network.getByRole('status')).toHaveText(
    'Proxy cleared: your system’s settings decide again.',
  );
  await expect(field).toHaveValue('');
  expect(await savedProxy(app)).toBeNull();
  await page.reload();
  await openView(page, 'Settings');
  await expect(field).toHaveValue('');
});

test('an address that is not a proxy is refused with main’s sentence and not saved', async ({
  app,
}) => {
  const page = app.page;
  const network = page.getByRole('region', { name: 'Network' });
  const field = network.getByRole('textbox', { name: 'Proxy (optional)' });
  await field.fill('proxy.corp.example:3128');
  await network.getByRole('button', { name: 'Save proxy' }).click();
  await expect(network.getByRole('status')).toHaveText('Proxy saved.');

  const refusal =
    'Enter the proxy as host:port, for example proxy.example.com:8080, or leave it empty.';
  for (const typed of ['ftp://proxy.corp.example:21', 'http://proxy.corp.example:3128/path']) {
    await field.fill(typed);
    await network.getByRole('button', { name: 'Save proxy' }).click();
    await expect(field).toHaveAccessibleDescription(refusal);
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(network.getByRole('status')).toHaveText('');
    // The earlier proxy is still the one in force.
    expect(await savedProxy(app)).toBe('proxy.corp.example:3128');
  }

  // Typing again puts the explanation back in place of the refusal.
  await field.fill('proxy.corp.example:8080');
  await expect(field).toHaveAccessibleDescription(/^Leave empty to use your system’s proxy/);
});

test.describe('through a real forward proxy', () => {
  // Requests to this computer never take a proxy from Settings in the app (a proxy elsewhere could
  // not reach them); here the proxy and the sandbox both listen on loopback, so the core is told
  // to send them through it anyway.
  test.use({ proxyLoopback: true });

  test('with the proxy set, API requests go through it; after Clear they do not', async ({
    app,
  }) => {
    const proxy = await startForwardProxy();
    try {
      const page = app.page;
      const network = page.getByRole('region', { name: 'Network' });
      await network.getByRole('textbox', { name: 'Proxy (optional)' }).fill(proxy.address);
      await network.getByRole('button', { name: 'Save proxy' }).click();
      await expect(network.getByRole('status')).toHaveText('Proxy saved.');
      expect(proxy.seen).toEqual([]);

      const userReads = () =>
        proxy.seen.filter((line) => line === `GET ${app.sandbox.apiBaseUrl}/user`).length;
      const refresh = async () => {
        await openView(page, 'Account');
        const before = app.core.quotaStatus().lastGoodAt;
        await page.getByRole('button', { name: 'Refresh', exact: true }).click();
        await expect.poll(() => app.core.quotaStatus().lastGoodAt).not.toBe(before);
      };
      await refresh();
      expect(userReads()).toBeGreaterThanOrEqual(1);
      // Only the sandbox's API went this way: nothing else passed through the proxy.
      expect(proxy.seen.every((line) => line.startsWith(`GET ${app.sandbox.apiBaseUrl}/`))).toBe(
        true,
      );

      // Settings' Billing card takes the endpoint's billing facts from main's own files: opening
      // Settings asks nothing of GreenCloud, so nothing is on its way when Clear is pressed.
      const beforeSettings = proxy.seen.length;
      await openView(page, 'Settings');
      await expect(page.getByRole('form', { name: 'Billing currency' })).toBeVisible();
      expect(proxy.seen).toHaveLength(beforeSettings);
      await network.getByRole('button', { name: 'Clear' }).click();
      await expect(network.getByRole('status')).toHaveText(
        'Proxy cleared: your system’s settings decide again.',
      );
      const throughProxy = proxy.seen.length;
      await refresh();
      expect(proxy.seen).toHaveLength(throughProxy);
    } finally {
      await proxy.close();
    }
  });
});
