// What a session keeps in the SecretStore, and under which key: one JSON entry per API base URL and
// email. For API-key sessions the key itself is kept too, since re-exchanging it is the only way such
// a session renews (POST /auth/apiKey returns no refresh token).

import { z } from 'zod';
import type { TokenResponse } from '../common/api-schemas';

const storedTokensSchema = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1).optional(),
  apiKey: z.string().min(1).optional(),
  /** Epoch ms, by this machine's clock. */
  issuedAt: z.number(),
  expiresAt: z.number(),
});
export type StoredTokens = z.infer<typeof storedTokensSchema>;

/** Renew this long before expiry, so a request never leaves with a token about to lapse. */
const renewalMarginMs = 60_000;

/** The keychain entry's name. Lower-cased email: the same person must not get two entries. */
export function secretKeyFor(baseUrl: string, email: string): string {
  return `${baseUrl.trim().replace(/\/+$/, '')} ${email.trim().toLowerCase()}`;
}

/**
 * Tokens from a login, refresh or API-key exchange. A refresh answer without a refresh token keeps
 * the previous one; with one, the newest wins (the old one stops working once it is used).
 */
export function tokensFrom(
  response: TokenResponse,
  now: number,
  previous?: Pick<StoredTokens, 'refreshToken' | 'apiKey'>,
): StoredTokens {
  return {
    accessToken: response.accessToken,
    refreshToken: response.refreshToken ?? previous?.refreshToken,
    apiKey: previous?.apiKey,
    issuedAt: now,
    expiresAt: now + response.expiresIn * 1000,
  };
}

/** When to renew: a minute before expiry, or at three quarters of a very short lifetime. */
export function renewalDue(tokens: StoredTokens, now: number): boolean {
  const margin = Math.min(renewalMarginMs, (tokens.expiresAt - tokens.issuedAt) / 4);
  return now >= tokens.expiresAt - margin;
}

export function canRenew(tokens: StoredTokens): boolean {
  return tokens.refreshToken !== undefined || tokens.apiKey !== undefined;
}

export function serializeTokens(tokens: StoredTokens): string {
  return JSON.stringify(tokens);
}

/** The stored entry, or undefined when it is not one this version can use (then it is dropped). */
export function parseTokens(text: string): StoredTokens | undefined {
  try {
    const parsed = storedTokensSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
