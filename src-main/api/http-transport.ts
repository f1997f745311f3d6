// One HTTP exchange over node:http/https. Not fetch: GreenCloud's Set Password is a GET with a JSON
// body, which fetch refuses and Node's request API sends. Not undici's Client either: measured, it
// halves the CPU of a kept-alive read (99 against 216 µs), but loading it costs 60–150 ms at every
// start and its WebAssembly parser 20–27 MiB more RSS, to save 0.1 ms on a poll a minute.
// The network layer (src-main/network) chooses the proxy, the connection and the trusted
// certificates; this file sends, reads, and turns failures into AppErrors that name the server's
// host and nothing else (never the URL's path, query or credentials).

import http from 'node:http';
import https from 'node:https';
import { AppError } from '../common/app-error';
import { ExchangeDeadlines } from './exchange-deadlines';
import { ConnectionPool, type ConnectionUse } from '../network/connection-pool';
import type { ProxyCredential, ProxyCredentials } from '../network/proxy-credentials';
import { createProxyResolver, type ChooseProxy } from '../network/proxy-resolver';
import { proxyLabel, type ProxyChoice } from '../network/proxy-rules';
import { certificateRefusedSentence } from '../network/tls-failure';
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

/** Replies larger than this are not GreenCloud's: stop reading rather than fill memory. */
const maxResponseBytes = 2 * 1024 * 1024;
/** How often one request may ask for the proxy's user name and password before giving up. */
const maxProxyQuestions = 3;

// Codes Node reports when the server cannot be reached at all or the connection drops.
const offlineCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENETRESET',
  'EPIPE',
  'EADDRNOTAVAIL',
]);

// A kept-alive socket the server closed while it sat idle fails the next request like this,
// before any byte of a reply: the request never reached the server's handler.
const staleSocketCodes = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);

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
    exchange(
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

class StaleSocket extends Error {
  constructor(readonly appError: AppError) {
    super(appError.message);
  }
}

function exchange(
  request: HttpRequest,
  proxy: ProxyChoice,
  agent: http.Agent,
  pool: ConnectionPool,
  deadlines: ExchangeDeadlines,
): Promise<HttpResponse> {
  const { url } = request;
  const host = url.host;
  const via = proxy.kind === 'proxy' ? proxyLabel(proxy.url) : undefined;
  const transport = url.protocol === 'https:' ? https : http;

  return new Promise<HttpResponse>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      cancelDeadline();
      outcome();
    };

    const headers: Record<string, string> = { ...request.headers };
    if (request.body !== undefined) {
      headers['Content-Length'] = String(Buffer.byteLength(request.body));
    } else if (request.method !== 'GET') {
      // Say "no body" explicitly so Node does not switch to chunked encoding for POST/PUT/DELETE.
      headers['Content-Length'] = '0';
    }
    // A fresh connection says so, and is closed after the reply instead of idling in a pool.
    if (request.connection === 'fresh') headers.Connection = 'close';

    const req = transport.request(url, {
      method: request.method,
      headers,
      agent,
      secureContext: pool.secureContext,
      ...(proxy.kind === 'proxy' ? { checkServerIdentity: pool.identityCheckFor(url) } : {}),
    } as https.RequestOptions);
    let responded = false;

    // 'finish' fires once the whole request (headers and body) has been handed to the socket. A
    // failure after that may come after the server acted on it: the error says so (requestSent).
    let sent = false;
    req.on('finish', () => {
      sent = true;
    });
    const markSent = (error: AppError) =>
      sent ? new AppError({ ...error.toData(), requestSent: true }) : error;

    const cancelDeadline = deadlines.start(request.timeoutMs, () => {
      finish(() =>
        reject(
          markSent(
            new AppError({
              kind: 'timeout',
              message: `${host} did not answer in time. Check your connection and try again.`,
            }),
          ),
        ),
      );
      req.destroy();
    });

    req.on('error', (error: NodeJS.ErrnoException) => {
      const appError = markSent(networkError(error, host, via));
      const stale =
        req.reusedSocket &&
        !responded &&
        (staleSocketCodes.has(error.code ?? '') || error.message === 'socket hang up');
      finish(() => reject(stale ? new StaleSocket(appError) : appError));
    });

    req.on('response', (res) => {
      responded = true;
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxResponseBytes) {
          finish(() =>
            reject(
              new AppError({
                kind: 'unexpected-response',
                message: `${host} sent a reply far larger than GreenCloud's. Check the server address in Settings.`,
              }),
            ),
          );
          req.destroy();
          return;
        }
        chunks.push(chunk);
      });
      res.on('error', (error: NodeJS.ErrnoException) => {
        finish(() => reject(markSent(networkError(error, host, via))));
      });
      res.on('end', () => {
        finish(() =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            // A GreenCloud reply is one chunk: decoded as it is, not copied into a new buffer first.
            text: (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size)).toString('utf8'),
          }),
        );
      });
    });

    req.end(request.body);
  });
}

function networkError(
  error: NodeJS.ErrnoException,
  host: string,
  via: string | undefined,
): AppError {
  const code = error.code ?? '';
  const certificate = certificateRefusedSentence(code, host);
  if (certificate) return new AppError({ kind: 'unexpected-response', message: certificate });
  if (code === 'ETIMEDOUT') {
    return new AppError({
      kind: 'timeout',
      message: `${host} did not answer in time. Check your connection and try again.`,
    });
  }
  if (
    via !== undefined &&
    (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN')
  ) {
    return new AppError({
      kind: 'offline',
      message: `Could not reach the proxy ${via}. Check the proxy in Settings → Network or your system's network settings.`,
    });
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_FAIL') {
    return new AppError({
      kind: 'offline',
      message: `Could not find the server ${host}. Check your internet connection and the server address.`,
    });
  }
  if (offlineCodes.has(code) || error.message === 'socket hang up') {
    return new AppError({
      kind: 'offline',
      message: `Could not reach ${host}. Check your internet connection and try again.`,
    });
  }
  // Other TLS and socket failures: still "cannot talk to the server", said without internals.
  return new AppError({
    kind: 'offline',
    message: `The connection to ${host} failed. Check your connection and the server address.`,
  });
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
