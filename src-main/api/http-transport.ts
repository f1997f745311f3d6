// One HTTP exchange over node:http/https. Not fetch: GreenCloud's Set Password is a GET with a JSON
// body, which fetch refuses and Node's request API sends. Network failures become AppErrors that
// name the server's host and nothing else (never the URL's path, query or credentials).

import http from 'node:http';
import https from 'node:https';
import { AppError } from '../common/app-error';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpRequest {
  method: HttpMethod;
  url: URL;
  headers: Readonly<Record<string, string>>;
  /** Already serialised JSON; undefined for a request without a body. */
  body?: string;
  /** The whole exchange (connect, send, read the reply) must finish within this. */
  timeoutMs: number;
}

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/** Replies larger than this are not GreenCloud's: stop reading rather than fill memory. */
const maxResponseBytes = 2 * 1024 * 1024;

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

export function sendHttpRequest(request: HttpRequest): Promise<HttpResponse> {
  const { url } = request;
  const host = url.host;
  const transport = url.protocol === 'https:' ? https : http;

  return new Promise<HttpResponse>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };

    const headers: Record<string, string> = { ...request.headers };
    if (request.body !== undefined) {
      headers['Content-Length'] = String(Buffer.byteLength(request.body));
    } else if (request.method !== 'GET') {
      // Say "no body" explicitly so Node does not switch to chunked encoding for POST/PUT/DELETE.
      headers['Content-Length'] = '0';
    }

    // A fresh connection per request (agent: false). Reusing an idle keep-alive socket that the
    // server has just closed fails a POST with ECONNRESET after it may or may not have arrived;
    // for calls that move money that ambiguity is worse than one more TCP handshake.
    const req = transport.request(url, { method: request.method, headers, agent: false });

    // 'finish' fires once the whole request (headers and body) has been handed to the socket. A
    // failure after that may come after the server acted on it: the error says so (requestSent).
    let sent = false;
    req.on('finish', () => {
      sent = true;
    });
    const markSent = (error: AppError) =>
      sent ? new AppError({ ...error.toData(), requestSent: true }) : error;

    const timer = setTimeout(() => {
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
    }, request.timeoutMs);

    req.on('error', (error: NodeJS.ErrnoException) => {
      finish(() => reject(markSent(networkError(error, host))));
    });

    req.on('response', (res) => {
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
        finish(() => reject(markSent(networkError(error, host))));
      });
      res.on('end', () => {
        finish(() =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      });
    });

    req.end(request.body);
  });
}

function networkError(error: NodeJS.ErrnoException, host: string): AppError {
  const code = error.code ?? '';
  if (code === 'ETIMEDOUT') {
    return new AppError({
      kind: 'timeout',
      message: `${host} did not answer in time. Check your connection and try again.`,
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
  // TLS and other socket failures: still "cannot talk to the server", said without internals.
  return new AppError({
    kind: 'offline',
    message: `The connection to ${host} failed. Check your connection and the server address.`,
  });
}
