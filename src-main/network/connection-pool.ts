// The connections requests travel through. Reads share kept-alive connections (a poll then costs
// one request, not a TCP and TLS handshake as well): without a proxy on one undici connection per
// server; through a proxy in a kept-alive agent. Every other call gets a connection of its own that
// is closed afterwards. Through a proxy, https goes by a CONNECT tunnel (https-proxy-agent) and
// http by absolute URIs (http-proxy-agent). Every TLS connection uses the one trust context.

import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import { Client } from 'undici';
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
/** Connections per server and route: a browser's number, far above what the app asks at once. */
const maxSockets = 6;

export class ConnectionPool {
  readonly secureContext: tls.SecureContext;
  readonly #idleTimeoutMs: number;
  readonly #kept = new Map<string, { agent: http.Agent; signedAs: string }>();
  readonly #readConnections = new Map<string, Client>();
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
   * The kept-alive connection for direct reads from `target`'s server: one, and reads queue on it.
   * Not undici's Pool: undici checks an idle socket for one event-loop turn before it reuses it,
   * and a Pool opens a second connection (a second TLS handshake) for a read that follows another
   * at once. The app's reads rarely overlap, and each has its own deadline.
   */
  readConnectionFor(target: URL): Client {
    let connection = this.#readConnections.get(target.origin);
    if (!connection) {
      connection = new Client(target.origin, {
        // A server's "Keep-Alive: timeout" hint may shorten the idle time, never lengthen it.
        keepAliveTimeout: this.#idleTimeoutMs,
        keepAliveMaxTimeout: this.#idleTimeoutMs,
        // The exchange's own deadline covers the whole exchange (kept-alive-read.ts).
        headersTimeout: 0,
        bodyTimeout: 0,
        connect: { secureContext: this.secureContext },
      });
      this.#readConnections.set(target.origin, connection);
    }
    return connection;
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
    for (const connection of this.#readConnections.values()) void connection.destroy();
    this.#readConnections.clear();
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
      maxSockets,
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
