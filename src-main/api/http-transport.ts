// Sends one request: chooses the proxy, answers a proxy's 407 with the user's credentials, and
// sends a read once more when its kept-alive socket turned out to be closed. Direct reads travel by
// one kept-alive undici connection per server (kept-alive-read.ts), everything else by node:http
// (node-exchange.ts). The network layer (src-main/network) holds the connections and the trust.

import type http from 'node:http';
import { AppError } from '../common/app-error';
import { ExchangeDeadlines } from './exchange-deadlines';
import { StaleSocket } from './exchange-failures';
import { nodeExchange } from './node-exchange';
import { keptAliveRead } from './kept-alive-read';
import { ConnectionPool, type ConnectionUse } from '../network/connection-pool';
import type { ProxyCredential, ProxyCredentials } from '../network/proxy-credentials';
import { createProxyResolver, type ChooseProxy } from '../network/proxy-resolver';
import { proxyLabel, type ProxyChoice } from '../network/proxy-rules';
import { createTrustContext } from '../network/trusted-certificates';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpRequest {
  method: HttpMethod;
  url: URL;
  headers: Readonly<Record<string, string>>;
  /** Already serialised JSON; undefined for a request without a body. */
  body?: string;
  /** The whole exchange (connect, send, read the reply) must finish within this. */
  timeoutMs: number;
  /** `reuse` for idempotent reads; `fresh` for everything else (see GreenCloudClient). */
  connection: ConnectionUse;
}

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

export interface HttpTransport {
  send(request: HttpRequest): Promise<HttpResponse>;
}

export interface HttpTransportOptions {
  chooseProxy?: ChooseProxy;
  /** Absent: a 407 cannot be answered and says so. */
  proxyCredentials?: ProxyCredentials;
  pool?: ConnectionPool;
}

/** How often one request may ask for the proxy's user name and password before giving up. */
const maxProxyQuestions = 3;

let sharedDirect: HttpTransport | undefined;

/** No proxy, kept-alive reads, Node's and the system's certificates: for plain-Node use and tests. */
export function directTransport(): HttpTransport {
  sharedDirect ??= createHttpTransport();
  return sharedDirect;
}

export function createHttpTransport(options: HttpTransportOptions = {}): HttpTransport {
  const chooseProxy = options.chooseProxy ?? createProxyResolver();
  const pool = options.pool ?? new ConnectionPool({ secureContext: createTrustContext() });
  const credentials = options.proxyCredentials;
  const deadlines = new ExchangeDeadlines();

  const exchangeOnce = (request: HttpRequest, proxy: ProxyChoice, credential?: ProxyCredential) =>
    proxy.kind === 'direct' && request.connection === 'reuse'
      ? keptAliveRead(request, pool.readConnectionFor(request.url), deadlines)
      : nodeExchange(
          request,
          proxy,
          pool.agentFor(request.url, proxy, request.connection, credential),
          pool,
          deadlines,
        );

  /** Reads on a reused socket get one more go when that socket turned out to be closed. */
  const exchangeWithReuse = async (
    request: HttpRequest,
    proxy: ProxyChoice,
    credential?: ProxyCredential,
  ) => {
    try {
      return await exchangeOnce(request, proxy, credential);
    } catch (error) {
      if (!(error instanceof StaleSocket)) throw error;
      if (request.connection !== 'reuse') throw error.appError;
      try {
        return await exchangeOnce(request, proxy, credential);
      } catch (again) {
        throw again instanceof StaleSocket ? again.appError : again;
      }
    }
  };

  return {
    async send(request) {
      const proxy = await chooseProxy(request.url);
      if (proxy.kind === 'direct') return exchangeWithReuse(request, proxy);
      const label = proxyLabel(proxy.url);
      // Credentials written into HTTPS_PROXY (user:pass@host) are the environment's answer.
      const fromUrl = proxy.url.username !== '';
      let credential = fromUrl ? undefined : await credentials?.stored(label);
      let response = await exchangeWithReuse(request, proxy, credential);
      // Asking again and re-sending is safe for every call, money included: a 407 means the proxy
      // refused the request (or the CONNECT before it), so it never reached GreenCloud.
      for (let asked = 0; response.status === 407 && credentials && !fromUrl; asked += 1) {
        if (asked >= maxProxyQuestions) break;
        if (credential) await credentials.refused(label);
        const answer = await credentials.ask({ proxy: label, wrong: credential !== undefined });
        if (!answer) throw proxyCredentialsNeeded(label);
        credential = answer;
        response = await exchangeWithReuse(request, proxy, credential);
        if (response.status !== 407) await credentials.accepted(label, credential);
      }
      if (response.status === 407) {
        throw credential || fromUrl ? proxyRefused(label) : proxyCredentialsNeeded(label);
      }
      return response;
    },
  };
}

function proxyCredentialsNeeded(proxy: string): AppError {
  return new AppError({
    kind: 'not-allowed',
    message: `The proxy ${proxy} needs a user name and password before GreenCloud Desktop can connect. Try again and enter them when asked.`,
  });
}

function proxyRefused(proxy: string): AppError {
  return new AppError({
    kind: 'not-allowed',
    message: `The proxy ${proxy} did not accept the user name and password. Check them (your IT department can help) and try again.`,
  });
}
