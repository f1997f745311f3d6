// Browsers attach `Origin` to cross-site POSTs and to every fetch() from another page, while the
// app's own client (Node's http) sends none. So a request that names an origin other than the
// sandbox's own came from some web page in the user's browser: a simple cross-site form or fetch
// aimed at 127.0.0.1 must not be able to sign in, buy or reset anything.

import { isLoopbackName } from './loopback';

/** True when the request carries no Origin, or the sandbox's own (a loopback name on its port). */
export function isOwnOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    // `Origin: null` (sandboxed frames, file:// pages) and garbage are foreign too.
    return false;
  }
  const urlPort = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
  return (
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    urlPort === port &&
    isLoopbackName(url.hostname)
  );
}
