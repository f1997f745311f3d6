// How the account menu names an account: initials for its badge and the server it is on.

/** "demo@greencloud.test" → "DE", "ana.lopez@…" → "AL". */
export function accountInitials(email: string): string {
  const local = email.split('@')[0] ?? '';
  const parts = local.split(/[._+-]+/).filter((part) => part !== '');
  const letters =
    parts.length >= 2 ? `${parts[0]![0]}${parts[1]![0]}` : (parts[0] ?? email).slice(0, 2);
  return letters.toUpperCase() || '?';
}

/** The server's host ("api.greencloud.dev", "127.0.0.1:4010"), or the URL as given. */
export function endpointLabel(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}
