// The one place the Authorization header is formed. GreenCloud's docs show the header's value as
// "Valid Access Token" (an older page: `Authorization: Token`), i.e. the bare token: that is the
// first choice. Some deployments may want `Bearer <token>`; the client finds out per endpoint and
// remembers the answer through AuthSchemeMemory (kept in settings: it is no secret).

export type AuthScheme = 'bare' | 'bearer';

export const authSchemes: readonly AuthScheme[] = ['bare', 'bearer'];

export interface AuthSchemeMemory {
  /** The scheme this API base URL accepted last, if it has accepted one. */
  get(baseUrl: string): AuthScheme | undefined;
  set(baseUrl: string, scheme: AuthScheme): void;
}

export function authorizationHeader(token: string, scheme: AuthScheme = 'bare'): string {
  return scheme === 'bearer' ? `Bearer ${token}` : token;
}
