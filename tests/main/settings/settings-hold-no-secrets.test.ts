// The settings file after a whole session's life (sign in, renew, remember who to restore): it names
// the server and the email, and holds no token, API key or password.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { sandboxAccounts } from '../../../sandbox/seed-accounts';
import { MemorySecretStore } from '../../../src-main/session/memory-secret-store';
import { SessionManager } from '../../../src-main/session/session-manager';
import { parseTokens, secretKeyFor } from '../../../src-main/session/session-tokens';
import { SettingsStore } from '../../../src-main/settings/settings-store';
import { startSessionSandbox, type SessionSandbox } from '../../helpers/session-sandbox';

const { demo } = sandboxAccounts;
let dir: string;
let sandbox: SessionSandbox;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'greencloud-settings-'));
  sandbox = await startSessionSandbox();
});
afterEach(async () => {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

it('the settings file never holds a token, the API key or the password', async () => {
  const conf = new Conf<Record<string, unknown>>({ cwd: dir, projectName: 'greencloud-test' });
  const settings = new SettingsStore(conf);
  const secrets = new MemorySecretStore();
  const session = new SessionManager({
    secrets,
    tokenStorage: { kind: 'memory', reason: 'Tests run without a keyring.' },
    createClient: sandbox.createClient,
  });
  settings.update({ endpoint: { kind: 'custom', customUrl: sandbox.endpoint.baseUrl } });
  // Remembers the signed-in accounts as the core's account directory does.
  session.onChange(() => {
    settings.setRememberedAccounts(
      session
        .sessions()
        .map((s) => ({ kind: 'custom', baseUrl: s.endpoint.baseUrl, email: s.email })),
    );
  });

  const key = secretKeyFor(sandbox.endpoint.baseUrl, demo.email);
  const seenSecrets = new Set<string>([demo.password, demo.apiKey]);
  const collect = async () => {
    const tokens = parseTokens((await secrets.get(key)) ?? '');
    for (const value of [tokens?.accessToken, tokens?.refreshToken, tokens?.apiKey])
      if (value) seenSecrets.add(value);
  };

  await session.signIn(sandbox.endpoint, { email: demo.email, password: demo.password });
  await collect();
  await sandbox.advanceClock(3700);
  await session.sessions()[0]!.client.getAccount();
  await collect();
  await session.signInWithApiKey(sandbox.endpoint, demo.apiKey);
  await collect();
  settings.setWindowBounds({ x: 0, y: 0, width: 1100, height: 760 });

  const file = readFileSync(conf.path, 'utf8');
  expect(JSON.parse(file)).toMatchObject({
    accounts: [{ kind: 'custom', baseUrl: sandbox.endpoint.baseUrl, email: demo.email }],
  });
  expect(seenSecrets.size).toBeGreaterThanOrEqual(6);
  for (const secret of seenSecrets) expect(file).not.toContain(secret);
  expect(file).not.toMatch(/token|apiKey|password/i);
});
