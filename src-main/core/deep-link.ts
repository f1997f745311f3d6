// greencloud:// links the app answers. Only the reset-password link exists: the reset email can
// carry it so a click opens the Set Password view with the code filled in.

import type { NavigationRequest } from '../common/bridge-contract';

export const deepLinkScheme = 'greencloud';

export function parseDeepLink(url: string): NavigationRequest | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== `${deepLinkScheme}:`) return undefined;
  // greencloud://reset-password?code=… parses with the action as the host; accept the
  // greencloud:reset-password?code=… spelling too, which some launchers pass on.
  const action = parsed.host || parsed.pathname.replace(/^\/+/, '');
  if (action !== 'reset-password') return undefined;
  const code = parsed.searchParams.get('code') ?? '';
  // Codes are short tokens; anything else is not one of ours and is not put into the form.
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(code)) return undefined;
  return { view: 'set-password', code };
}

/** The first greencloud:// URL among a process's arguments (Windows and Linux cold start). */
export function findDeepLinkArgument(argv: readonly string[]): string | undefined {
  return argv.find((arg) => arg.startsWith(`${deepLinkScheme}:`));
}
