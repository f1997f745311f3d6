// The one rule for a custom API address, used both when the user changes it and when a settings file
// is read back: https anywhere, plain http only to this computer (a self-run sandbox), because
// tokens and passwords would otherwise cross the network readable.

import { withoutTrailingSlashes } from '../common/trailing-slashes';

const loopbackHosts = new Set(['localhost', '[::1]']);

function isLoopback(hostname: string): boolean {
  return loopbackHosts.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** Why `value` cannot be the API's address, or undefined when it can. */
export function serverUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Enter the server’s full address, for example https://staging.example.com/v1.';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return 'The server’s address must start with https://.';
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    return 'The server’s address must start with https:// (plain http:// is allowed only for this computer, e.g. http://127.0.0.1:4010/v1).';
  }
  // A user name or password in the URL would be a secret stored in the settings file.
  if (url.username || url.password) {
    return 'The server’s address must not contain a user name or password.';
  }
  if (url.search || url.hash) {
    return 'The server’s address must not contain ? or #.';
  }
  return undefined;
}

/** The address as stored: trimmed, without trailing slashes, so one server has one spelling. */
export function normalizeServerUrl(value: string): string {
  return withoutTrailingSlashes(value.trim());
}
