// Access and refresh tokens: random opaque strings kept in memory. Access tokens expire on the
// sandbox clock after `expiresIn` seconds; a refresh token works once and is replaced by a new
// one (rotation); API-key sign-in gets no refresh token, as documented.

import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { SandboxError } from './http-reply';
import type { SandboxAccount, SandboxState } from './state';

/** Seconds an access token lasts. The docs' examples show 3590; the issue asks for 3600. */
export const accessTokenSeconds = 3600;

function opaqueToken(): string {
  return randomBytes(32).toString('base64url');
}

export interface IssuedTokens {
  expiresIn: number;
  accessToken: string;
  refreshToken?: string;
}

export function issueTokens(
  state: SandboxState,
  account: SandboxAccount,
  now: number,
  withRefresh: boolean,
): IssuedTokens {
  const accessToken = opaqueToken();
  state.accessTokens.set(accessToken, {
    accountId: account.id,
    expiresAt: now + accessTokenSeconds * 1000,
  });
  const issued: IssuedTokens = { expiresIn: accessTokenSeconds, accessToken };
  if (withRefresh) {
    issued.refreshToken = opaqueToken();
    state.refreshTokens.set(issued.refreshToken, account.id);
  }
  return issued;
}

/** Uses up a refresh token: the account it belonged to, or undefined when it is unknown or spent. */
export function spendRefreshToken(state: SandboxState, token: string): SandboxAccount | undefined {
  const accountId = state.refreshTokens.get(token);
  if (accountId === undefined) return undefined;
  state.refreshTokens.delete(token);
  return state.accounts.find((account) => account.id === accountId);
}

/**
 * The signed-in account for a request. The docs say only "Valid Access Token", so both
 * `Authorization: Bearer <token>` and the bare token are accepted.
 */
export function requireAccount(
  state: SandboxState,
  headers: IncomingHttpHeaders,
  now: number,
): SandboxAccount {
  const header = headers.authorization?.trim() ?? '';
  const token = header.replace(/^Bearer\s+/i, '').trim();
  const entry = token === '' ? undefined : state.accessTokens.get(token);
  if (entry && entry.expiresAt <= now) state.accessTokens.delete(token);
  const account =
    entry && entry.expiresAt > now
      ? state.accounts.find((a) => a.id === entry.accountId)
      : undefined;
  if (!account) {
    throw new SandboxError(
      401,
      'NEEDS_LOGIN',
      header === ''
        ? 'Sign in first: this call needs an access token.'
        : 'The access token is not valid or has expired. Sign in again.',
    );
  }
  return account;
}
