// Sign-in, token refresh, API-key sign-in, 2FA enrolment and the password-reset flow, against the
// real sandbox with real TOTP codes and the reset code read from the sandbox's outbox.

import { describe, expect, it } from 'vitest';
import { appErrorOf } from './helpers/app-error-of';
import { freshSandboxPerTest, sandboxAccounts } from './helpers/sandbox-fixture';

const { demo, twofa } = sandboxAccounts;
const sandbox = freshSandboxPerTest();

describe('sign-in', () => {
  it('signs in with email and password and receives an access and a refresh token', async () => {
    const tokens = await sandbox.client().login({ email: demo.email, password: demo.password });
    expect(tokens.expiresIn).toBeGreaterThan(0);
    expect(tokens.accessToken.length).toBeGreaterThan(0);
    expect(tokens.refreshToken).toBeTruthy();
    expect(await sandbox.count('POST', '/v1/auth/login')).toBe(1);
  });

  it('signs in to a 2FA account with a real TOTP code, and asks for the code without one', async () => {
    const client = sandbox.client();
    const missing = await appErrorOf(
      client.login({ email: twofa.email, password: twofa.password }),
    );
    expect(missing.kind).toBe('twofa-required');
    expect(missing.field).toBe('twofa');

    const tokens = await client.login({
      email: twofa.email,
      password: twofa.password,
      twofa: sandbox.totp(twofa.totpSecret),
    });
    expect(tokens.accessToken.length).toBeGreaterThan(0);
  });

  it('refreshes tokens; the refresh token rotates and the spent one ends the session', async () => {
    const client = sandbox.client();
    const first = await client.login({ email: demo.email, password: demo.password });
    const second = await client.refresh(first.refreshToken!);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(second.refreshToken).toBeTruthy();
    expect(second.refreshToken).not.toBe(first.refreshToken);

    const spent = await appErrorOf(client.refresh(first.refreshToken!));
    expect(spent.kind).toBe('needs-login');
    expect(spent.message).toBe('Your session has ended. Please sign in again.');
    expect(spent.message).not.toContain(first.refreshToken!);
  });

  it('signs in with the API key and gets no refresh token', async () => {
    const tokens = await sandbox.client().loginWithApiKey(demo.apiKey);
    expect(tokens.accessToken.length).toBeGreaterThan(0);
    expect(tokens.refreshToken).toBeUndefined();
  });
});

describe('two-factor authentication', () => {
  it('enrols with the seed, verifies a real code, and disables it again', async () => {
    const { client } = await sandbox.signedIn('demo');
    const { seed } = await client.beginTwoFactor();
    expect(seed).toMatch(/^[A-Z2-7]+=*$/);

    await client.verifyTwoFactor(sandbox.totp(seed));
    expect((await client.getAccount()).twofa).toBe(true);
    // Signing in now needs the code.
    const login = await appErrorOf(
      sandbox.client().login({ email: demo.email, password: demo.password }),
    );
    expect(login.kind).toBe('twofa-required');

    await client.disableTwoFactor(sandbox.totp(seed));
    expect((await client.getAccount()).twofa).toBe(false);
    expect(await sandbox.count('DELETE', '/v1/auth/2FA')).toBe(1);
  });

  it('refuses a wrong code at verification with twofa-invalid on the code field', async () => {
    const { client } = await sandbox.signedIn('demo');
    const { seed } = await client.beginTwoFactor();
    const real = sandbox.totp(seed);
    const wrong = real === '000000' ? '111111' : '000000';
    const error = await appErrorOf(client.verifyTwoFactor(wrong));
    expect(error.kind).toBe('twofa-invalid');
    expect(error.field).toBe('code');
    expect((await client.getAccount()).twofa).toBe(false);
  });
});

describe('password reset', () => {
  it('emails a code, and Set Password (a GET with a JSON body) sets the new password', async () => {
    const client = sandbox.client();
    await client.requestPasswordReset(demo.email);
    const [mail] = await sandbox.outbox(demo.email);
    expect(mail?.kind).toBe('reset-code');
    expect(mail?.code).toBeTruthy();

    await client.setPasswordWithCode({ password: 'Fresh456#', code: mail!.code! });
    const log = await sandbox.requests();
    // The server could only answer 204 by reading the code and password from the GET's body.
    expect(log.filter((r) => r.method === 'GET' && r.path === '/v1/user/resetPassword')).toEqual([
      expect.objectContaining({ status: 204 }),
    ]);

    await expect(client.login({ email: demo.email, password: 'Fresh456#' })).resolves.toBeTruthy();
    const old = await appErrorOf(client.login({ email: demo.email, password: demo.password }));
    expect(old.kind).toBe('invalid-credentials');
  });

  it('needs the 2FA code too for an account with 2FA on', async () => {
    const client = sandbox.client();
    await client.requestPasswordReset(twofa.email);
    const [mail] = await sandbox.outbox(twofa.email);
    const code = mail!.code!;

    const missing = await appErrorOf(client.setPasswordWithCode({ password: 'Fresh456#', code }));
    expect(missing.kind).toBe('twofa-required');
    await client.setPasswordWithCode({
      password: 'Fresh456#',
      code,
      twofa: sandbox.totp(twofa.totpSecret),
    });
    await expect(
      client.login({
        email: twofa.email,
        password: 'Fresh456#',
        twofa: sandbox.totp(twofa.totpSecret),
      }),
    ).resolves.toBeTruthy();
  });

  it('answers an unknown email like a known one and sends nothing', async () => {
    await sandbox.client().requestPasswordReset('nobody@greencloud.test');
    expect(await sandbox.outbox('nobody@greencloud.test')).toEqual([]);
    expect(await sandbox.count('POST', '/v1/user/resetPassword')).toBe(1);
  });

  it('refuses a wrong reset code without changing the password', async () => {
    const client = sandbox.client();
    await client.requestPasswordReset(demo.email);
    const error = await appErrorOf(
      client.setPasswordWithCode({
        password: 'Fresh456#',
        code: '0123456789abcdef0123456789abcdef',
      }),
    );
    expect(error.kind).toBe('validation');
    expect(error.field).toBe('code');
    expect(error.message).not.toContain('0123456789abcdef');
    await expect(
      client.login({ email: demo.email, password: demo.password }),
    ).resolves.toBeTruthy();
  });

  it('refuses a reset code after it has expired (an hour on the sandbox clock)', async () => {
    const client = sandbox.client();
    await client.requestPasswordReset(demo.email);
    const [mail] = await sandbox.outbox(demo.email);
    await sandbox.advanceClock(3601);
    const error = await appErrorOf(
      client.setPasswordWithCode({ password: 'Fresh456#', code: mail!.code! }),
    );
    expect(error.kind).toBe('validation');
    expect(error.field).toBe('code');
  });
});
