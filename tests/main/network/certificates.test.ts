// The sandbox served over HTTPS with a certificate from a test authority generated for this run,
// trusted only through the system-store path (the loader is pointed at a folder holding the test
// root). Without it, and for expired, self-signed and wrongly named certificates, the client says
// which host was refused and why, in words.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server';
import { sandboxAccounts } from '../../../sandbox/seed-accounts';
import { GreenCloudClient } from '../../../src-main/api/greencloud-client';
import { createHttpTransport } from '../../../src-main/api/http-transport';
import { ConnectionPool } from '../../../src-main/network/connection-pool';
import {
  certificatesInDirectory,
  createTrustContext,
  type SystemCertificateLoader,
} from '../../../src-main/network/trusted-certificates';
import { createTestCa, type TestCa } from '../../helpers/test-ca';
import { appErrorOf } from '../api/helpers/app-error-of';

const { demo } = sandboxAccounts;
let ca: TestCa;
const running: RunningSandbox[] = [];

beforeAll(() => {
  ca = createTestCa();
});
afterAll(async () => {
  await Promise.all(running.map((sandbox) => sandbox.close()));
  ca.remove();
});

async function httpsSandbox(tls: { key: string; cert: string }): Promise<RunningSandbox> {
  const sandbox = await startSandbox({ port: 0, tls });
  running.push(sandbox);
  return sandbox;
}

function clientTrusting(baseUrl: string, system: SystemCertificateLoader) {
  const pool = new ConnectionPool({ secureContext: createTrustContext(system) });
  return new GreenCloudClient({
    baseUrl,
    userAgent: 'test',
    readRetries: 0,
    transport: createHttpTransport({ pool }),
  });
}

const testRootInSystemStore: SystemCertificateLoader = () => certificatesInDirectory(ca.storeDir);
const emptySystemStore: SystemCertificateLoader = () => [];

describe('certificates', () => {
  it('trusts an authority found in the system store', async () => {
    const sandbox = await httpsSandbox(ca.issue({ names: ['127.0.0.1', 'localhost'] }));
    expect(sandbox.apiBaseUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/v1$/);
    const client = clientTrusting(sandbox.apiBaseUrl, testRootInSystemStore);
    const tokens = await client.login({ email: demo.email, password: demo.password });
    expect(tokens.accessToken).toEqual(expect.any(String));
  });

  it('without it in the store, names the host and an authority it does not trust', async () => {
    const sandbox = await httpsSandbox(ca.issue({ names: ['127.0.0.1'] }));
    const host = new URL(sandbox.apiBaseUrl).host;
    const error = await appErrorOf(
      clientTrusting(sandbox.apiBaseUrl, emptySystemStore).login({
        email: demo.email,
        password: demo.password,
      }),
    );
    expect(error.message).toBe(
      `GreenCloud Desktop did not trust ${host}: its certificate comes from an authority this computer does not trust. If your company inspects secure connections, ask IT to install its certificate in this computer’s certificate store.`,
    );
  });

  it.each([
    [
      'expired',
      () => ca.issue({ names: ['127.0.0.1'], expired: true }),
      /its certificate has expired\. Check the server address/,
    ],
    ['self-signed', () => ca.selfSigned(['127.0.0.1']), /its certificate is self-signed\./],
    [
      'for another name',
      () => ca.issue({ names: ['api.other.test'] }),
      /its certificate is for a different name\. Check the server address/,
    ],
  ])('refuses a certificate that is %s, and says so', async (_label, make, sentence) => {
    const sandbox = await httpsSandbox(make());
    const host = new URL(sandbox.apiBaseUrl).host;
    const error = await appErrorOf(
      clientTrusting(sandbox.apiBaseUrl, testRootInSystemStore).login({
        email: demo.email,
        password: demo.password,
      }),
    );
    expect(error.kind).toBe('unexpected-response');
    expect(error.message).toMatch(
      new RegExp(`^GreenCloud Desktop did not trust ${host.replace('.', '\\.')}: `),
    );
    expect(error.message).toMatch(sentence);
  });
});
