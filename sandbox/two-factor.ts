// 2FA checks for sign-in, password changes, reset and 2FA set-up. Codes are RFC 6238 TOTP checked
// against the real wall clock (never the sandbox clock, so authenticator apps keep working), with
// one step of drift either side, and no code is accepted twice for the same account.

import { SandboxError } from './http-reply';
import type { SandboxAccount } from './state';
import { matchingTotpStep, totpStep } from './totp';

/** True when the code is right for the secret now and has not been used before; marks it used. */
export function acceptTotp(account: SandboxAccount, secret: string, code: string): boolean {
  const now = Date.now();
  const step = matchingTotpStep(secret, code, now);
  if (step === undefined) return false;
  const key = `${secret}:${step}`;
  if (account.usedTotpSteps.has(key)) return false;
  // Steps older than the drift window can never match again: forget them to keep the set small.
  const oldest = totpStep(now) - 2;
  for (const used of account.usedTotpSteps) {
    if (Number(used.slice(used.lastIndexOf(':') + 1)) < oldest) account.usedTotpSteps.delete(used);
  }
  account.usedTotpSteps.add(key);
  return true;
}

/**
 * Demands the account's 2FA code when 2FA is on. The status is 401 at sign-in and 403 on calls
 * made by someone already signed in (or holding a reset code), where 401 would mean "sign in again".
 */
export function requireTwofa(
  account: SandboxAccount,
  code: string | undefined,
  status: 401 | 403,
  field: string,
): void {
  const secret = account.totpSecret;
  if (secret === undefined) return;
  if (code === undefined) {
    throw new SandboxError(
      status,
      'TWOFA_REQUIRED',
      'This account uses 2FA: send the 6-digit code from the authenticator app.',
      { field },
    );
  }
  if (!acceptTotp(account, secret, code)) throw invalidTwofa(status, field);
}

export function invalidTwofa(status: 401 | 403, field: string): SandboxError {
  return new SandboxError(
    status,
    'INVALID_TWOFA',
    'The 2FA code is wrong, expired or already used. Wait for the next code and try again.',
    { field },
  );
}
