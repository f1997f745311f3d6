// The GreenCloud sandbox: a local stand-in for api.greencloud.dev on a loopback port. Started by
// `npm run sandbox` (main.ts), embedded in the app for "Try the sandbox", and by the tests.
// Node built-ins, zod and src-main/common only (Vite bundles it into the main process), and all
// state in memory, seeded fresh at each start.

import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type ServerResponse,
} from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { apiRoutes } from './api-routes';
import { controlRoutes } from './control-routes';
import { applyFault } from './faults';
import { SandboxError, sendReply, type Reply } from './http-reply';
import { parseJsonBody, readBody } from './request-body';
import { findRoute, normalisePath, type Route } from './router';
import { SandboxWorld } from './world';
import { isLoopbackName, loopbackHosts } from './loopback';
import { isOwnOrigin } from './origin-check';

export interface SandboxOptions {
  /** 0 = a random free port; the standalone default is 4010. */
  port?: number;
  /** Default 127.0.0.1: loopback only. */
  host?: string;
  /** Receives one line per request (method, path, status, time taken). */
  log?: (line: string) => void;
  /**
   * Mount the `/_sandbox/...` control routes (default true: `npm run sandbox` and the tests).
   * The copy embedded in the app passes false: any web page could reach them otherwise.
   */
  controlRoutes?: boolean;
  /** Serve HTTPS with this key and certificate (PEM): for the certificate tests. */
  tls?: { key: string; cert: string };
}

export interface RunningSandbox {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** origin + '/v1' */
  apiBaseUrl: string;
  port: number;
  close(): Promise<void>;
}

const apiPrefix = '/v1';
const controlPrefix = '/_sandbox';

// A browser page could aim a DNS name it controls at 127.0.0.1 (DNS rebinding): only requests
// addressed to a loopback name are answered.
function isLoopbackHostHeader(host: string | undefined): boolean {
  if (host === undefined) return true;
  const name = host.startsWith('[') ? host.slice(1, host.indexOf(']')) : host.split(':')[0]!;
  return isLoopbackName(name);
}

function pathOf(url: string | undefined): string {
  try {
    return normalisePath(new URL(url ?? '/', 'http://sandbox.invalid').pathname);
  } catch {
    return '/';
  }
}

function inside(path: string, prefix: string): string | undefined {
  if (path === prefix) return '/';
  return path.startsWith(`${prefix}/`) ? path.slice(prefix.length) : undefined;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const host = options.host ?? '127.0.0.1';
  if (!loopbackHosts.has(host)) {
    throw new Error(
      `The sandbox listens on loopback only (127.0.0.1, ::1 or localhost), not ${host}.`,
    );
  }
  const world = new SandboxWorld();
  const api = apiRoutes(world);
  const control = options.controlRoutes === false ? undefined : controlRoutes(world);
  // Known once listening (port 0 picks one); the Origin check compares against it.
  let listeningPort = 0;

  async function route(
    req: IncomingMessage,
    routes: readonly Route[],
    path: string,
    text: string,
  ): Promise<Reply> {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const { route: found, params } = findRoute(routes, method, path);
    const body = parseJsonBody(text, req.headers['content-type']);
    return found.handle({
      method,
      path,
      params,
      query: url.searchParams,
      headers: req.headers,
      body,
    });
  }

  /** Answers one request; returns the status sent (0 when the connection was cut on purpose). */
  async function answer(
    req: IncomingMessage,
    res: ServerResponse,
    fullPath: string,
  ): Promise<number> {
    const reply = (r: Reply) => {
      sendReply(res, r);
      return r.status;
    };
    try {
      if (!isLoopbackHostHeader(req.headers.host)) {
        throw new SandboxError(
          403,
          'FORBIDDEN_HOST',
          'The sandbox answers requests addressed to 127.0.0.1 or localhost only.',
        );
      }
      if (!isOwnOrigin(req.headers.origin, listeningPort)) {
        throw new SandboxError(
          403,
          'FORBIDDEN_ORIGIN',
          'The sandbox does not answer requests from web pages. Use GreenCloud Desktop or a script.',
        );
      }
      const text = await readBody(req);
      const controlPath = control && inside(fullPath, controlPrefix);
      if (control && controlPath !== undefined)
        return reply(await route(req, control, controlPath, text));
      const apiPath = inside(fullPath, apiPrefix);
      if (apiPath === undefined)
        throw new SandboxError(404, 'NOT_FOUND', 'There is nothing here: the API is under /v1.');

      const faulted = await applyFault(world.faults.take(fullPath), req, res);
      if (faulted !== undefined) return faulted;
      return reply(await route(req, api, apiPath, text));
    } catch (error) {
      if (error instanceof SandboxError) {
        // A refused oversized body may still be arriving: do not keep the connection for it.
        if (error.status === 413) {
          res.setHeader('Connection', 'close');
          req.resume();
        }
        return reply(error.toReply());
      }
      return reply(
        new SandboxError(
          500,
          'SANDBOX_ERROR',
          'The sandbox hit an unexpected problem with this request.',
        ).toReply(),
      );
    }
  }

  const listener: RequestListener = (req, res) => {
    const started = Date.now();
    const method = req.method ?? 'GET';
    const path = pathOf(req.url);
    void answer(req, res, path)
      .catch(() => 500)
      .then((status) => {
        if (inside(path, controlPrefix) === undefined)
          world.requestLog.add(method, path, status, world.clock.now());
        // A failing log sink must not become an unhandled rejection in the app's main process.
        try {
          options.log?.(`${method} ${path} ${status} ${Date.now() - started}ms`);
        } catch {
          // ignored on purpose
        }
      });
  };
  const server = options.tls ? createTlsServer(options.tls, listener) : createServer(listener);
  // Garbage that is not HTTP at all: answer 400 and hang up, never throw.
  server.on('clientError', (_error, socket) => {
    if (socket.writable)
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  listeningPort = port;
  const scheme = options.tls ? 'https' : 'http';
  const origin = `${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    origin,
    apiBaseUrl: `${origin}${apiPrefix}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
