// A 401 on an authenticated call: one renewal (a real /auth/refresh), one retry, then "sign in
// again". Expiry comes from moving the sandbox's clock, not from faking a status.

import { describe, expect, it } from 'vitest';
import type { AuthProvider } from '../../../src-main/api/greencloud-client';
import { AppError } from '../../../src-main/common/app-error';
import { appErrorOf } from './helpers/app-error-of';
import { freshSandboxPerTest } from './helpers/sandbox-fixture';

const sandbox = freshSandboxPerTest();

describe('session renewal', () => {
  it('renews an expired access token once and retries the call', async () => {
    const { client, auth, tokens } = await sandbox.signedIn('demo');
    await sandbox.advanceClock(tokens.expiresIn + 1);

    const account = await client.getAccount();
    expect(account.email).toBe('demo@greencloud.test');
    expect(auth.renewals).toBe(1);
    expect(auth.access).not.toBe(tokens.accessToken);
    const log = (await sandbox.requests()).filter((r) => r.path !== '/v1/auth/login');
    expect(log.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'GET /v1/user 401',
      'POST /v1/auth/refresh 200',
      'GET /v1/user 200',
    ]);
  });

  it('shares one renewal between calls that hit the 401 together', async () => {
    const { client, auth, tokens } = await sandbox.signedIn('demo');
    await sandbox.advanceClock(tokens.expiresIn + 1);
    const [account, invoices] = await Promise.all([client.getAccount(), client.listInvoices()]);
    expect(account.email).toBe('demo@greencloud.test');
    expect(invoices.length).toBe(2);
    expect(auth.renewals).toBe(1);
    expect(await sandbox.count('POST', '/v1/auth/refresh')).toBe(1);
  });

  it('asks to sign in again when the refresh token is spent too', async () => {
    const { client, auth, tokens } = await sandbox.signedIn('demo');
    await sandbox.client().refresh(tokens.refreshToken!); // rotates: the one auth holds is now spent
    await sandbox.advanceClock(tokens.expiresIn + 1);

    const error = await appErrorOf(
      client.setFlags({ bundleAutoRenewal: false, lowQuotaNotification: false }),
    );
    expect(error.kind).toBe('needs-login');
    expect(error.message).toBe('Your session has ended. Please sign in again.');
    expect(auth.renewals).toBe(1);
    expect(await sandbox.count('PUT', '/v1/user/flags')).toBe(1);
  });

  it('retries only once: a renewed token refused in both schemes says so, without claiming the session ended', async () => {
    let renewals = 0;
    const auth: AuthProvider = {
      accessToken: async () => 'not-a-real-token',
      renewAccessToken: async () => {
        renewals += 1;
        return 'still-not-a-real-token';
      },
    };
    const client = sandbox.client({ auth });
    const error = await appErrorOf(client.getAccount());
    expect(error.kind).toBe('not-allowed');
    expect(error.message).toMatch(/just been renewed\. You are still signed in/);
    expect(error.message).not.toContain('not-a-real-token');
    expect(renewals).toBe(1);
    // Bare, then the renewed token bare, then the renewed token as Bearer: no second renewal.
    expect((await sandbox.requests()).map((r) => r.status)).toEqual([401, 401, 401]);
  });

  it('replaces a renewal failure that is not an AppError with needs-login', async () => {
    const auth: AuthProvider = {
      accessToken: async () => 'expired',
      renewAccessToken: async () => {
        throw new Error('keychain exploded at /home/user/.secret token=abc');
      },
    };
    const error = await appErrorOf(sandbox.client({ auth }).listInvoices());
    expect(error).toBeInstanceOf(AppError);
    expect(error.kind).toBe('needs-login');
    expect(error.message).not.toContain('token=abc');
  });

  it('sends nothing when signed out', async () => {
    const client = sandbox.client({
      auth: { accessToken: async () => undefined, renewAccessToken: async () => 'x' },
    });
    expect((await appErrorOf(client.buyRefill())).kind).toBe('needs-login');
    expect(await sandbox.requests()).toEqual([]);
  });

  it('never renews on the sign-in endpoints: a 401 there is wrong details', async () => {
    let renewals = 0;
    const client = sandbox.client({
      auth: {
        accessToken: async () => 'whatever',
        renewAccessToken: async () => {
          renewals += 1;
          return 'whatever';
        },
      },
    });
    const error = await appErrorOf(
      client.login({ email: 'demo@greencloud.test', password: 'Wrong123!' }),
    );
    expect(error.kind).toBe('invalid-credentials');
    expect(renewals).toBe(0);
    expect(await sandbox.count('POST', '/v1/auth/login')).toBe(1);
  });
});
