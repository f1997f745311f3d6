// The account endpoints' success paths against the real sandbox: read the account, set flags
// (always both), change the password, with and without 2FA.

import { describe, expect, it } from 'vitest';
import { appErrorOf } from './helpers/app-error-of';
import { freshSandboxPerTest, sandboxAccounts } from './helpers/sandbox-fixture';

const { demo, twofa } = sandboxAccounts;
const sandbox = freshSandboxPerTest();

describe('account', () => {
  it('reads the seeded demo account', async () => {
    const { client } = await sandbox.signedIn('demo');
    const account = await client.getAccount();
    expect(account.email).toBe(demo.email);
    expect(account.twofa).toBe(false);
    expect(account.apiKey).toBe(demo.apiKey);
    expect(account.bundle).toEqual({ name: 'DEVELOPER', quota: 100_000, price: 9.99 });
    expect(account.flags).toEqual({ bundleAutoRenewal: true, lowQuotaNotification: true });
  });

  it('sets the flags, sending both so neither is reset by omission', async () => {
    const { client } = await sandbox.signedIn('demo');
    await client.setFlags({ bundleAutoRenewal: false, lowQuotaNotification: true });
    expect((await client.getAccount()).flags).toEqual({
      bundleAutoRenewal: false,
      lowQuotaNotification: true,
    });
    await client.setFlags({ bundleAutoRenewal: true, lowQuotaNotification: false });
    expect((await client.getAccount()).flags).toEqual({
      bundleAutoRenewal: true,
      lowQuotaNotification: false,
    });
  });

  it('changes the password; the old one stops working', async () => {
    const { client } = await sandbox.signedIn('demo');
    await client.changePassword({ password: 'Another9$' });
    const plain = sandbox.client();
    await expect(plain.login({ email: demo.email, password: 'Another9$' })).resolves.toBeTruthy();
    expect(
      (await appErrorOf(plain.login({ email: demo.email, password: demo.password }))).kind,
    ).toBe('invalid-credentials');
  });

  it('changes the password of a 2FA account only with a code', async () => {
    const { client } = await sandbox.signedIn('twofa');
    const missing = await appErrorOf(client.changePassword({ password: 'Another9$' }));
    expect(missing.kind).toBe('twofa-required');
    expect(missing.field).toBe('twofa');
    await client.changePassword({ password: 'Another9$', twofa: sandbox.totp(twofa.totpSecret) });
    expect(await sandbox.count('PUT', '/v1/user/password')).toBe(2);
  });
});
