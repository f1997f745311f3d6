// The whole path of an authenticating proxy through the core, as the window meets it: the system
// resolver (Electron's session.resolveProxy in the app) names a real proxy on loopback that wants
// Basic authentication; the core asks the window with a proxyCredentialsNeeded event, the window
// answers through answerProxyCredentials, and the sign-in goes through. The password appears in no
// event. Keychain and settings are real (run under with-keyring.sh for the OS keychain).

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import keytar from 'keytar';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server';
import { sandboxAccounts } from '../../../sandbox/seed-accounts';
import type { ProxyCredentialsQuestion } from '../../../src-main/common/bridge-contract';
import { createAppCore, type AppCore, type AppCoreDeps } from '../../../src-main/core/app-core';
import { startForwardProxy, type ForwardProxy } from '../../helpers/forward-proxy';

const { demo } = sandboxAccounts;
const right = { username: 'bob', password: 'Pr0xy-pass!' };

let sandbox: RunningSandbox;
let proxy: ForwardProxy;
let dataDir: string;
let core: AppCore | undefined;

beforeEach(async () => {
  sandbox = await startSandbox({ port: 0 });
  proxy = await startForwardProxy(right);
  dataDir = await mkdtemp(join(tmpdir(), 'greencloud-proxy-core-'));
});
afterEach(async () => {
  await core?.shutdown();
  await keytar.deletePassword('GreenCloud Desktop Proxy', proxy.address).catch(() => false);
  await proxy.close();
  await sandbox.close();
  await rm(dataDir, { recursive: true, force: true });
});

function makeCore(overrides: Partial<AppCoreDeps> = {}): Promise<AppCore> {
  return createAppCore({
    dataDir,
    settingsBackend: new Conf({ cwd: dataDir, projectName: 'greencloud-proxy-test' }),
    loadKeytar: async () => keytar,
    appVersion: '9.9.9',
    platform: 'linux',
    notifier: { notify: () => undefined },
    clipboard: { writeText: () => undefined, readText: () => '', clear: () => undefined },
    openExternal: async () => undefined,
    log: () => undefined,
    ...overrides,
  });
}

it('asks the window for the proxy password, retries, and signs in', async () => {
  core = await makeCore({ resolveProxy: async () => `PROXY ${proxy.address}` });
  const questions: ProxyCredentialsQuestion[] = [];
  const events: string[] = [];
  core.onEvent((name, payload) => {
    events.push(JSON.stringify(payload ?? null));
    if (name !== 'proxyCredentialsNeeded') return;
    const question = payload as ProxyCredentialsQuestion;
    questions.push(question);
    // The window answers: wrong first, then right.
    const answer = questions.length === 1 ? { ...right, password: 'typo' } : right;
    void core!.handlers.answerProxyCredentials({ id: question.id, ...answer });
  });
  await core.handlers.updateSettings({
    endpoint: { kind: 'custom', customUrl: sandbox.apiBaseUrl },
  });

  const state = await core.handlers.signIn({ email: demo.email, password: demo.password });
  expect(state.status).toBe('signed-in');
  expect(questions.map(({ proxy: p, wrong }) => ({ p, wrong }))).toEqual([
    { p: proxy.address, wrong: false },
    { p: proxy.address, wrong: true },
  ]);
  expect(proxy.seen.filter((line) => line.startsWith('POST'))).toHaveLength(3);
  expect(events.join('\n')).not.toContain(right.password);
  const settingsFile = await readFile(join(dataDir, 'config.json'), 'utf8');
  expect(settingsFile).not.toContain(right.password);
});

it('an unknown or repeated answer id changes nothing', async () => {
  core = await makeCore();
  await expect(
    core.handlers.answerProxyCredentials({ id: 'nope', username: 'x', password: 'y' }),
  ).resolves.toBeUndefined();
});
