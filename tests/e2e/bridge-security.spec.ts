// What the page can reach: `window.greencloud` is exactly the contract (named calls and `on*`
// subscriptions, nothing generic, not replaceable), every call answers a malformed payload with
// the common validation error, and no token ever reaches the page.

import keytar from 'keytar';
import { sandboxAccounts } from '../../sandbox/seed-accounts';
import { bridgeCallNames, bridgeEventNames } from '../../src-main/common/bridge-contract';
import { keychainServiceName } from '../../src-main/session/keytar-secret-store';
import { secretKeyFor } from '../../src-main/session/session-tokens';
import { test, expect } from './harness/app-fixture';
import { openView, sidebarViews, signInThroughForm } from './harness/flows';

type LooseBridge = Record<string, (...args: unknown[]) => Promise<unknown>>;

test('window.greencloud holds the contract’s calls and subscriptions and nothing else', async ({
  app,
}) => {
  await app.open();
  const shape = await app.page.evaluate(() => {
    const bridge = window.greencloud as unknown as Record<string, unknown>;
    const descriptor = Object.getOwnPropertyDescriptor(window, 'greencloud');
    const before = bridge.signIn;
    try {
      bridge.signIn = () => 'hijacked';
    } catch {
      // Frozen: strict-mode assignment throws, which is the point.
    }
    try {
      (window as unknown as Record<string, unknown>).greencloud = {};
    } catch {
      // Non-writable.
    }
    return {
      keys: Object.keys(bridge).sort(),
      kinds: [...new Set(Object.values(bridge).map((value) => typeof value))],
      frozen: Object.isFrozen(bridge),
      writable: descriptor?.writable,
      configurable: descriptor?.configurable,
      signInUnchanged: bridge.signIn === before,
      stillTheBridge: window.greencloud === (bridge as unknown),
    };
  });

  const subscriptions = bridgeEventNames.map(
    (name) => `on${name[0]!.toUpperCase()}${name.slice(1)}`,
  );
  expect(shape.keys).toEqual([...bridgeCallNames, ...subscriptions].sort());
  for (const generic of ['invoke', 'send', 'on', 'ipcRenderer', 'require', 'process']) {
    expect(shape.keys).not.toContain(generic);
  }
  expect(shape).toMatchObject({
    kinds: ['function'],
    frozen: true,
    writable: false,
    configurable: false,
    signInUnchanged: true,
    stillTheBridge: true,
  });
});

test('every call answers a malformed payload with the common validation error', async ({ app }) => {
  await app.open();
  // 42, a string, null and an array fit none of the contract's request schemas (objects or none).
  const answers = await app.page.evaluate(async (names) => {
    const bridge = window.greencloud as unknown as LooseBridge;
    const results: { name: string; payload: unknown; answer: unknown; threw?: string }[] = [];
    for (const name of names) {
      for (const payload of [42, 'text', null, [1, 2]]) {
        try {
          results.push({ name, payload, answer: await bridge[name]!(payload) });
        } catch (error) {
          results.push({ name, payload, answer: undefined, threw: String(error) });
        }
      }
    }
    return results;
  }, bridgeCallNames);

  expect(answers).toHaveLength(bridgeCallNames.length * 4);
  for (const { name, payload, answer, threw } of answers) {
    const what = `${name}(${JSON.stringify(payload)})`;
    expect(threw, what).toBeUndefined();
    expect(answer, what).toEqual({
      ok: false,
      error: expect.objectContaining({ kind: 'validation', message: expect.any(String) }),
    });
    const message = (answer as { error: { message: string } }).error.message;
    expect(message, what).toMatch(/^[A-Z].*[.!]$/);
    expect(message, what).not.toMatch(/Zod|\n\s+at |[{}]/);
  }
  // Nothing malformed reached the server.
  expect(await app.control.requests()).toEqual([]);
});

test('no token reaches the page, and the API key only after Reveal', async ({ app }) => {
  const page = app.page;
  await signInThroughForm(app);
  for (const view of sidebarViews) await openView(page, view);
  await openView(page, 'Account');
  await expect(page.getByRole('heading', { name: 'Account', level: 1 })).toBeVisible();

  // The session's entry asked for by name: listing the whole service races other specs that add
  // and delete entries in the same keychain at the same time ("No such secret item").
  const entry = await keytar.getPassword(
    keychainServiceName,
    secretKeyFor(app.sandbox.apiBaseUrl, sandboxAccounts.demo.email),
  );
  expect(entry).not.toBeNull();
  const stored = JSON.parse(entry!) as { accessToken: string; refreshToken: string };
  const tokens = [stored.accessToken, stored.refreshToken];
  expect(tokens.every((token) => typeof token === 'string' && token.length >= 16)).toBe(true);

  const pageState = await page.evaluate(async () => {
    const bridge = window.greencloud;
    if (!bridge) throw new Error('The page has no window.greencloud bridge.');
    const session = await bridge.getSessionState();
    if (!session.ok || session.value.status !== 'signed-in') throw new Error('not signed in');
    const accountId = session.value.accountId;
    const reads = await Promise.all([
      bridge.getStartState(),
      bridge.getAccount({ accountId }),
      bridge.refreshAccount({ accountId }),
      bridge.getQuotaStatus({ accountId }),
      bridge.refreshQuotaNow({ accountId }),
      bridge.getSettings(),
      bridge.getAppInfo(),
      bridge.listInvoices({ accountId }),
    ]);
    // Every read answered with data, not a refusal.
    if (!reads.every((read) => read.ok)) throw new Error('a bridge read failed');
    const storage = (store: Storage) =>
      Object.fromEntries(
        Array.from({ length: store.length }, (_, i) => store.key(i)!).map((key) => [
          key,
          store.getItem(key),
        ]),
      );
    return {
      html: document.documentElement.outerHTML,
      localStorage: JSON.stringify(storage(localStorage)),
      sessionStorage: JSON.stringify(storage(sessionStorage)),
      reads: JSON.stringify([session, ...reads]),
      cookies: document.cookie,
    };
  });
  expect(pageState.reads).toContain(sandboxAccounts.demo.email); // the reads did return data
  for (const [where, text] of Object.entries(pageState)) {
    for (const token of tokens) expect(text, `a token in ${where}`).not.toContain(token);
  }

  // The API key: masked until the user asks for it.
  const apiKey = sandboxAccounts.demo.apiKey;
  expect(pageState.html).not.toContain(apiKey);
  expect(pageState.reads).not.toContain(apiKey);
  await page.getByRole('button', { name: 'Reveal API key' }).click();
  await expect(page.getByTestId('api-key')).toHaveText(apiKey);
});
