// Where a session's tokens may be kept, decided in one place. The embedded sandbox starts afresh
// on a new random port every run, so a keychain entry for it could never be used again: they piled
// up, one per run. Sandbox tokens stay in this run's memory only; every other endpoint's go to the
// OS keychain (or memory, when there is none: see open-secret-store.ts).

import type { Endpoint, TokenStorage } from '../common/bridge-contract';

export function keepsTokensInKeychain(endpoint: Pick<Endpoint, 'kind'>): boolean {
  return endpoint.kind !== 'sandbox';
}

export const sandboxTokenStorage: TokenStorage = {
  kind: 'memory',
  reason: 'the sandbox starts afresh every time, so its sign-in is kept in memory only.',
};

/** Told to the user when signing out could not remove the saved sign-in from the keychain. */
export function keychainEntryLeftNotice(email: string): string {
  const who = email === '' ? 'this account' : email;
  return `You are signed out, but the saved sign-in for ${who} could not be removed from the system keychain. Remove the “GreenCloud Desktop” entry for it in your keychain app (Keychain Access, Credential Manager or Passwords and Keys).`;
}
