// The agents requests travel through. Reads share kept-alive connections (a poll then costs one
// request, not a TCP and TLS handshake as well); every other call gets a connection of its own that
// is closed afterwards. Through a proxy, https goes by a CONNECT tunnel (https-proxy-agent) and
// http by absolute URIs (http-proxy-agent). Every TLS connection uses the one trust context.

import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import { HttpProxyAgent } from 'http-proxy-agent';
import { HttpsProxyAgent } from 'https-proxy-agent';
import type { ProxyCredential } from './proxy-credentials';
import type { ProxyChoice } from './proxy-rules';

export type ConnectionUse = 'reuse' | 'fresh';

export interface ConnectionPoolOptions {
  secureContext: tls.SecureContext;
  /** Idle kept-alive sockets are closed after this; below servers' usual 5 s so we close first. */
  idleTimeoutMs?: number;
}

const defaultIdleTimeoutMs = 4_000;

export class ConnectionPool {
  readonly secureContext: tls.SecureContext;
  readonly #idleTimeoutMs: number;
  readonly #kept = new Map<string, { agent: http.Agent; signedAs: string }>();
  readonly #identityChecks = new Map<
    string,
    NonNullable<tls.ConnectionOptions['checkServerIdentity']>
  >();

  constructor(options: ConnectionPoolOptions) {
    this.secureContext = options.secureContext;
    this.#idleTimeoutMs = options.idleTimeoutMs ?? defaultIdleTimeoutMs;
  }

  /** The agent for `target` by way of `proxy`; `credential` only for a proxy that asked for one. */
  agentFor(
    target: URL,
    proxy: ProxyChoice,
    use: ConnectionUse,
    credential?: ProxyCredential,
  ): http.Agent {
    if (use === 'fresh') return this.#make(target, proxy, false, credential);
    const route = `${target.protocol} ${proxy.kind === 'proxy' ? proxy.url.href : 'direct'}`;
    const signedAs = credential ? `${credential.username}:${credential.password}` : '';
    const kept = this.#kept.get(route);
    if (kept && kept.signedAs === signedAs) return kept.agent;
    // New proxy credentials (after a 407): the sockets that carried the old ones are closed.
    kept?.agent.destroy();
    const agent = this.#make(target, proxy, true, credential);
    this.#kept.set(route, { agent, signedAs });
    return agent;
  }

  /**
   * Through a CONNECT tunnel the TLS layer is not told the target's host, and for an IP address it
   * would check the name "localhost" instead: this checks the certificate against the address
   * asked for. One function per host, because Node pools TLS sockets by their options and a new
   * function on every request would never let a socket be reused.
   */
  identityCheckFor(target: URL): NonNullable<tls.ConnectionOptions['checkServerIdentity']> {
    const host = target.hostname.replace(/^\[|\]$/g, '');
    let check = this.#identityChecks.get(host);
    if (!check) {
      check = (_name, cert) => tls.checkServerIdentity(host, cert);
      this.#identityChecks.set(host, check);
    }
    return check;
  }

  /** Closes every kept-alive socket (quit, or the proxy settings changed). */
  closeIdle(): void {
    for (const { agent } of this.#kept.values()) agent.destroy();
    this.#kept.clear();
  }

  #make(
    target: URL,
    proxy: ProxyChoice,
    keepAlive: boolean,
    credential?: ProxyCredential,
  ): http.Agent {
    const common = {
      keepAlive,
      timeout: this.#idleTimeoutMs,
      maxSockets: 6,
      scheduling: 'lifo' as const,
    };
    if (proxy.kind === 'direct') {
      return target.protocol === 'https:'
        ? new https.Agent({ ...common, secureContext: this.secureContext })
        : new http.Agent(common);
    }
    const url = new URL(proxy.url.href);
    if (credential) {
      url.username = encodeURIComponent(credential.username);
      url.password = encodeURIComponent(credential.password);
    }
    // An https:// proxy is itself reached over TLS, with the same trust.
    const proxyTls = url.protocol === 'https:' ? { secureContext: this.secureContext } : {};
    return target.protocol === 'https:'
      ? new HttpsProxyAgent(url, { ...common, ...proxyTls })
      : new HttpProxyAgent(url, { ...common, ...proxyTls });
  }
}
