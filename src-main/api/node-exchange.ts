// One HTTP exchange over node:http/https: every call but a kept-alive direct read (those go by
// kept-alive-read.ts). Not fetch: GreenCloud's Set Password is a GET with a JSON body, which fetch
// refuses and Node's request API sends. The agent (fresh socket, proxy tunnel) comes from the
// connection pool.

import http from 'node:http';
import https from 'node:https';
import type { ExchangeDeadlines } from './exchange-deadlines';
import {
  StaleSocket,
  isStaleSocketFailure,
  markSent,
  maxResponseBytes,
  networkError,
  replyText,
  replyTooLarge,
  timedOut,
} from './exchange-failures';
import type { HttpRequest, HttpResponse } from './http-transport';
import type { ConnectionPool } from '../network/connection-pool';
import { proxyLabel, type ProxyChoice } from '../network/proxy-rules';

export function nodeExchange(
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

    const cancelDeadline = deadlines.start(request.timeoutMs, () => {
      finish(() => reject(markSent(timedOut(host), sent)));
      req.destroy();
    });

    req.on('error', (error: NodeJS.ErrnoException) => {
      const appError = markSent(networkError(error, host, via), sent);
      const stale = req.reusedSocket && !responded && isStaleSocketFailure(error);
      finish(() => reject(stale ? new StaleSocket(appError) : appError));
    });

    req.on('response', (res) => {
      responded = true;
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxResponseBytes) {
          finish(() => reject(replyTooLarge(host)));
          req.destroy();
          return;
        }
        chunks.push(chunk);
      });
      res.on('error', (error: NodeJS.ErrnoException) => {
        finish(() => reject(markSent(networkError(error, host, via), sent)));
      });
      res.on('end', () => {
        finish(() =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: replyText(chunks, size),
          }),
        );
      });
    });

    req.end(request.body);
  });
}
