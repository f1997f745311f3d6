// API requests through a real forward proxy on loopback: chosen by the system resolver (Chrome's
// PAC result format, as Electron's session.resolveProxy answers), by HTTPS_PROXY, or by the proxy
// typed into Settings; CONNECT for the sandbox over https, absolute URIs over http. An
// authenticating proxy (407) gets the user name and password from the app's question, keeps them
// in the keychain (a real one under tests/helpers/with-keyring.sh), and a wrong pair says so.

import keytar from 'keytar';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server';
import { sandboxAccounts } from '../../../sandbox/seed-accounts';
import { GreenCloudClient } from '../../../src-main/api/greencloud-client';
import { createHttpTransport } from '../../../src-main/api/http-transport';
import { ConnectionPool } from '../../../src-main/network/connection-pool';
import {
  ProxyCredentials,
  proxyKeychainService,
  type CredentialVault,
  type ProxyCredential,
  type ProxyCredentialRequest,
} from '../../../src-main/network/proxy-credentials';
import {
  createProxyResolver,
  type ProxyResolverOptions,
} from '../../../src-main/network/proxy-resolver';
import {
  certificatesInDirectory,
  createTrustContext,
} from '../../../src-main/network/trusted-certificates';
import { KeytarSecretStore } from '../../../src-main/session/keytar-secret-store';
import { MemorySecretStore } from '../../../src-main/session/memory-secret-store';
import { startForwardProxy, type ForwardProxy } from '../../helpers/forward-proxy';
import { createTestCa, type TestCa } from '../../helpers/test-ca';
import { appErrorOf } from '../api/helpers/app-error-of';

const { demo } = sandboxAccounts;
const underTestKeyring = process.env.GREENCLOUD_KEYRING_READY === '1';

let ca: TestCa;
let httpSandbox: RunningSandbox;
let httpsSandbox: RunningSandbox;
let proxy: ForwardProxy | undefined;

beforeAll(async () => {
  ca = createTestCa();
  httpSandbox = await startSandbox({ port: 0 });
  httpsSandbox = await startSandbox({ port: 0, tls: ca.issue({ names: ['127.0.0.1'] }) });
});
afterAll(async () => {
  await httpSandbox.close();
  await httpsSandbox.close();
  ca.remove();
});
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});

interface Setup {
  resolver: ProxyResolverOptions;
  ask?: (request: ProxyCredentialRequest) => Promise<ProxyCredential | undefined>;
  vault?: CredentialVault;
}

function client(baseUrl: string, setup: Setup) {
  const pool = new ConnectionPool({
    secureContext: createTrustContext(() => certificatesInDirectory(ca.storeDir)),
  });
  const transport = createHttpTransport({
    pool,
    // Everything here is on loopback, which real proxies never see: let it through the proxy.
    chooseProxy: createProxyResolver({ loopbackDirect: false, ...setup.resolver }),
    proxyCredentials: setup.ask
      ? new ProxyCredentials(setup.vault ?? new MemorySecretStore(), setup.ask)
      : undefined,
  });
  return new GreenCloudClient({ baseUrl, userAgent: 'test', readRetries: 0, transport });
}

const signIn = (c: GreenCloudClient) => c.login({ email: demo.email, password: demo.password });
const hostOf = (sandbox: RunningSandbox) => new URL(sandbox.apiBaseUrl).host;

describe('choosing the proxy', () => {
  it('the system resolver (PAC format) sends https through a CONNECT tunnel', async () => {
    proxy = await startForwardProxy();
    const asked: string[] = [];
    const system = async (url: string) => {
      asked.push(url);
      return `PROXY ${proxy!.address}; DIRECT`;
    };
    await signIn(client(httpsSandbox.apiBaseUrl, { resolver: { system } }));
    expect(asked).toEqual([`${httpsSandbox.apiBaseUrl}/auth/login`]);
    expect(proxy.seen).toEqual([`CONNECT ${hostOf(httpsSandbox)}`]);
  });

  it('plain http goes to the proxy as an absolute URI', async () => {
    proxy = await startForwardProxy();
    const system = async () => `PROXY ${proxy!.address}`;
    await signIn(client(httpSandbox.apiBaseUrl, { resolver: { system } }));
    expect(proxy.seen).toEqual([`POST ${httpSandbox.apiBaseUrl}/auth/login`]);
  });

  it('DIRECT from the resolver bypasses the proxy', async () => {
    proxy = await startForwardProxy();
    await signIn(client(httpsSandbox.apiBaseUrl, { resolver: { system: async () => 'DIRECT' } }));
    expect(proxy.seen).toEqual([]);
  });

  it('HTTPS_PROXY is used where set, and NO_PROXY overrides it', async () => {
    proxy = await startForwardProxy();
    const env = { HTTPS_PROXY: `http://${proxy.address}` };
    await signIn(client(httpsSandbox.apiBaseUrl, { resolver: { env } }));
    expect(proxy.seen).toHaveLength(1);
    await signIn(
      client(httpsSandbox.apiBaseUrl, { resolver: { env: { ...env, NO_PROXY: '127.0.0.1' } } }),
    );
    expect(proxy.seen).toHaveLength(1);
  });

  it('the proxy from Settings comes before the system and the environment', async () => {
    proxy = await startForwardProxy();
    const system = async () => 'PROXY 127.0.0.1:1';
    await signIn(
      client(httpsSandbox.apiBaseUrl, {
        resolver: {
          manualProxy: () => proxy!.address,
          system,
          env: { HTTPS_PROXY: 'http://127.0.0.1:1' },
        },
      }),
    );
    expect(proxy.seen).toEqual([`CONNECT ${hostOf(httpsSandbox)}`]);
  });

  it('a proxy that cannot be reached is named', async () => {
    const error = await appErrorOf(
      signIn(
        client(httpsSandbox.apiBaseUrl, { resolver: { system: async () => 'PROXY 127.0.0.1:1' } }),
      ),
    );
    expect(error.kind).toBe('offline');
    expect(error.message).toBe(
      "Could not reach the proxy 127.0.0.1:1. Check the proxy in Settings → Network or your system's network settings.",
    );
  });
});

describe('an authenticating proxy (407)', () => {
  const right = { username: 'alice', password: 'pr0xy:secret' };

  it.each([
    ['https (CONNECT)', () => httpsSandbox],
    ['http (absolute URI)', () => httpSandbox],
  ])('%s: asks once, retries, and keeps the answer in the keychain', async (_label, target) => {
    proxy = await startForwardProxy(right);
    const questions: ProxyCredentialRequest[] = [];
    const vault = underTestKeyring
      ? new KeytarSecretStore(keytar, proxyKeychainService)
      : new MemorySecretStore();
    await vault.delete(proxy.address);
    const setup: Setup = {
      resolver: { system: async () => `PROXY ${proxy!.address}` },
      vault,
      ask: async (request) => {
        questions.push(request);
        return right;
      },
    };
    await signIn(client(target().apiBaseUrl, setup));
    expect(questions).toEqual([{ proxy: proxy.address, wrong: false }]);
    expect(JSON.parse((await vault.get(proxy.address))!)).toEqual(right);

    // A new start: the keychain answers, nobody is asked.
    await signIn(client(target().apiBaseUrl, setup));
    expect(questions).toHaveLength(1);
    await vault.delete(proxy.address);
  });

  it('a wrong user name and password is asked again as wrong, then the right one works', async () => {
    proxy = await startForwardProxy(right);
    const answers = [{ username: 'alice', password: 'typo' }, right];
    const questions: ProxyCredentialRequest[] = [];
    const vault = new MemorySecretStore();
    await signIn(
      client(httpsSandbox.apiBaseUrl, {
        resolver: { system: async () => `PROXY ${proxy!.address}` },
        vault,
        ask: async (request) => {
          questions.push(request);
          return answers.shift();
        },
      }),
    );
    expect(questions).toEqual([
      { proxy: proxy.address, wrong: false },
      { proxy: proxy.address, wrong: true },
    ]);
    expect(JSON.parse((await vault.get(proxy.address))!)).toEqual(right);
  });

  it('keeps refusing: says the proxy did not accept them, and keeps nothing', async () => {
    proxy = await startForwardProxy(right);
    const vault = new MemorySecretStore();
    let asked = 0;
    const error = await appErrorOf(
      signIn(
        client(httpsSandbox.apiBaseUrl, {
          resolver: { system: async () => `PROXY ${proxy!.address}` },
          vault,
          ask: async () => {
            asked += 1;
            return { username: 'mallory', password: 'guess' };
          },
        }),
      ),
    );
    expect(asked).toBe(3);
    expect(error.message).toBe(
      `The proxy ${proxy.address} did not accept the user name and password. Check them (your IT department can help) and try again.`,
    );
    expect(error.message).not.toContain('guess');
    expect(await vault.get(proxy.address)).toBeNull();
  });

  it('cancelled: says what the proxy needs', async () => {
    proxy = await startForwardProxy(right);
    const error = await appErrorOf(
      signIn(
        client(httpsSandbox.apiBaseUrl, {
          resolver: { system: async () => `PROXY ${proxy!.address}` },
          ask: async () => undefined,
        }),
      ),
    );
    expect(error.message).toMatch(/^The proxy 127\.0\.0\.1:\d+ needs a user name and password/);
  });

  it('credentials in HTTPS_PROXY are used as they are', async () => {
    proxy = await startForwardProxy(right);
    const env = {
      HTTPS_PROXY: `http://${encodeURIComponent(right.username)}:${encodeURIComponent(right.password)}@${proxy.address}`,
    };
    await signIn(
      client(httpsSandbox.apiBaseUrl, { resolver: { env }, ask: async () => undefined }),
    );
    expect(proxy.seen.filter((line) => line.startsWith('CONNECT'))).toHaveLength(1);
  });
});
