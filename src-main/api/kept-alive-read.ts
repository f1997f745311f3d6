// A read (GET, no proxy) over the server's kept-alive undici connection. Node's https.request
// costs about twice the CPU per kept-alive request of undici's dispatcher (`npm run
// bench:keep-alive`: 216 against 99 µs per GET /v1/user on loopback), and that difference was
// more than everything the client does around a request. Reads only: every other call keeps
// node-exchange.ts and a connection of its own (GreenCloudClient.send says why money calls never
// reuse a socket).

import type { Client, Dispatcher } from 'undici';
import type http from 'node:http';
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

// undici's own failure codes, said in the Node codes the sentences are written for.
const nodeCodeFor: Readonly<Record<string, string>> = {
  // "other side closed": the server dropped the connection, Node's "socket hang up".
  UND_ERR_SOCKET: 'ECONNRESET',
  UND_ERR_CONNECT_TIMEOUT: 'ETIMEDOUT',
  UND_ERR_HEADERS_TIMEOUT: 'ETIMEDOUT',
  UND_ERR_BODY_TIMEOUT: 'ETIMEDOUT',
  // The connection was closed under the request (quit, or the network settings changed).
  UND_ERR_CLOSED: 'ECONNABORTED',
  UND_ERR_DESTROYED: 'ECONNABORTED',
};

export function keptAliveRead(
  request: HttpRequest,
  connection: Client,
  deadlines: ExchangeDeadlines,
): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    // Connected now: the request goes out on a socket that has carried a request before.
    const reused = connection.stats.connected;
    const exchange = new ReadExchange(request.url.host, reused, resolve, reject);
    exchange.cancelDeadline = deadlines.start(request.timeoutMs, () => exchange.expire());
    connection.dispatch(
      {
        path: request.url.pathname + request.url.search,
        method: request.method,
        headers: request.headers,
        body: request.body ?? null,
      },
      exchange,
    );
  });
}

/** One exchange's state, as the handler undici calls back: one object, not a closure per event. */
class ReadExchange implements Dispatcher.DispatchHandler {
  cancelDeadline = () => {};
  #controller: Dispatcher.DispatchController | undefined;
  #settled = false;
  #sent = false;
  #responded = false;
  #status = 0;
  #headers: http.IncomingHttpHeaders = {};
  #chunks: Buffer[] = [];
  #size = 0;

  constructor(
    readonly host: string,
    readonly reused: boolean,
    readonly resolve: (response: HttpResponse) => void,
    readonly reject: (error: unknown) => void,
  ) {}

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.#controller = controller;
    // The deadline passed while the request waited for a connection.
    if (this.#settled) controller.abort(timedOut(this.host));
  }

  onRequestSent(): void {
    this.#sent = true;
  }

  onResponseStart(
    _controller: Dispatcher.DispatchController,
    status: number,
    headers: Record<string, string | string[] | undefined>,
  ): void {
    this.#responded = true;
    this.#status = status;
    this.#headers = singleValued(headers);
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.#size += chunk.length;
    if (this.#size > maxResponseBytes) {
      const error = replyTooLarge(this.host);
      this.#fail(error);
      controller.abort(error);
      return;
    }
    this.#chunks.push(chunk);
  }

  onResponseEnd(): void {
    if (this.#settle()) {
      this.resolve({
        status: this.#status,
        headers: this.#headers,
        text: replyText(this.#chunks, this.#size),
      });
    }
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    if (this.#settled) return;
    const failure = error as NodeJS.ErrnoException;
    const code = nodeCodeFor[failure.code ?? ''];
    const inNodeTerms = code ? Object.assign(new Error(failure.message), { code }) : failure;
    const appError = markSent(networkError(inNodeTerms, this.host, undefined), this.#sent);
    const stale = this.reused && !this.#responded && isStaleSocketFailure(inNodeTerms);
    this.#fail(stale ? new StaleSocket(appError) : appError);
  }

  expire(): void {
    const error = markSent(timedOut(this.host), this.#sent);
    this.#fail(error);
    this.#controller?.abort(error);
  }

  #fail(error: unknown): void {
    if (this.#settle()) this.reject(error);
  }

  /** True only the first time: the reply, a failure or the deadline, whichever comes first. */
  #settle(): boolean {
    if (this.#settled) return false;
    this.#settled = true;
    this.cancelDeadline();
    return true;
  }
}

/**
 * A header sent twice arrives from undici as a list. Node keeps the first content-type, location
 * and retry-after (the only headers read here), so the first is kept; set-cookie stays a list.
 */
function singleValued(
  headers: Record<string, string | string[] | undefined>,
): http.IncomingHttpHeaders {
  for (const name of Object.keys(headers)) {
    const value = headers[name];
    if (Array.isArray(value) && name !== 'set-cookie') headers[name] = value[0];
  }
  return headers as http.IncomingHttpHeaders;
}
