// Which proxy, if any, carries a request: Chrome's PAC result format (what Electron's
// session.resolveProxy answers, e.g. "PROXY corp:8080; DIRECT"), the HTTPS_PROXY / HTTP_PROXY /
// NO_PROXY convention, and a proxy address typed into Settings, all read into one ProxyChoice.
// Pure functions: every rule here is tested without a network.

export type ProxyChoice =
  | { kind: 'direct' }
  /** `url` is http://host:port or https://host:port, possibly with credentials (from the environment). */
  | { kind: 'proxy'; url: URL };

export const direct: ProxyChoice = { kind: 'direct' };

/**
 * The first entry of a PAC result this app can use. SOCKS entries are skipped (the agents here
 * speak HTTP proxies only); when nothing usable is left, undefined.
 */
export function choiceFromPac(result: string): ProxyChoice | undefined {
  for (const entry of result.slice(0, 4096).split(';')) {
    const [word = '', address = ''] = entry.trim().split(/\s+/, 2);
    const kind = word.toUpperCase();
    if (kind === 'DIRECT') return direct;
    if ((kind === 'PROXY' || kind === 'HTTPS') && address !== '') {
      const url = proxyUrl(`${kind === 'HTTPS' ? 'https' : 'http'}://${address}`);
      if (url) return { kind: 'proxy', url };
    }
  }
  return undefined;
}

/** A proxy address as typed ("corp:8080", "http://corp:8080"), or undefined when it is not one. */
export function proxyUrl(text: string): URL | undefined {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.length > 2048) return undefined;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`);
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '')
    return undefined;
  if (url.pathname !== '/' || url.search || url.hash) return undefined;
  return url;
}

/** The environment's choice for `target`, or undefined when the environment names no proxy. */
export function choiceFromEnvironment(
  target: URL,
  env: Readonly<Record<string, string | undefined>>,
): ProxyChoice | undefined {
  const read = (name: string) => env[name.toLowerCase()] ?? env[name.toUpperCase()];
  const named = target.protocol === 'https:' ? read('https_proxy') : read('http_proxy');
  const url = named === undefined ? undefined : proxyUrl(named);
  if (!url) return undefined;
  return bypasses(read('no_proxy') ?? '', target) ? direct : { kind: 'proxy', url };
}

/**
 * NO_PROXY as curl and most tools read it: comma- or space-separated names; `*` for everything;
 * `example.com` and `.example.com` both cover the name and its subdomains; `name:port` only that
 * port; IP addresses exactly.
 */
export function bypasses(noProxy: string, target: URL): boolean {
  const host = bareHost(target.hostname);
  const port = target.port || (target.protocol === 'https:' ? '443' : '80');
  for (const raw of noProxy.slice(0, 8192).split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') return true;
    const { name, entryPort } = splitPort(entry);
    if (entryPort !== undefined && entryPort !== port) continue;
    const domain = name.replace(/^\*?\./, '');
    if (host === domain || host.endsWith(`.${domain}`)) return true;
  }
  return false;
}

/** The names of this computer: a proxy elsewhere cannot reach them, so they always go direct. */
export function isLoopbackTarget(target: URL): boolean {
  const host = bareHost(target.hostname);
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

function bareHost(hostname: string): string {
  const lower = hostname.toLowerCase();
  return lower.startsWith('[') && lower.endsWith(']') ? lower.slice(1, -1) : lower;
}

function splitPort(entry: string): { name: string; entryPort?: string } {
  if (entry.startsWith('[')) {
    const end = entry.indexOf(']');
    const rest = entry.slice(end + 1);
    return {
      name: entry.slice(1, end),
      entryPort: rest.startsWith(':') ? rest.slice(1) : undefined,
    };
  }
  const colon = entry.lastIndexOf(':');
  // More than one colon without brackets: a bare IPv6 address, no port.
  if (colon === -1 || entry.indexOf(':') !== colon) return { name: entry };
  return { name: entry.slice(0, colon), entryPort: entry.slice(colon + 1) };
}

/** `corp:8080` for messages and keychain entries: never the credentials. */
export function proxyLabel(url: URL): string {
  return url.host;
}
