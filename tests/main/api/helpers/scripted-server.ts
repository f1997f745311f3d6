// A loopback HTTP server that answers with scripted replies and records exactly what arrived
// (headers and body included), and stand-ins that decide each reply themselves. For what the
// sandbox cannot show: the exact bytes the client sends,
// and error bodies in shapes the sandbox never produces (plain text, empty, HTML, HTTP dates).

import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ScriptedReply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface ScriptedServer {
  baseUrl: string;
  received: ReceivedRequest[];
  /** Replies in order; the last one repeats. */
  script(...replies: ScriptedReply[]): void;
  close(): Promise<void>;
}

export async function startScriptedServer(): Promise<ScriptedServer> {
  let replies: ScriptedReply[] = [{ status: 204 }];
  const server = await startStandInServer(() =>
    replies.length > 1 ? replies.shift()! : replies[0]!,
  );
  return {
    ...server,
    script(...next) {
      replies = next;
    },
  };
}

export interface StandInServer {
  baseUrl: string;
  received: ReceivedRequest[];
  /** TCP connections accepted so far: shows whether the client reused one. */
  connections(): number;
  close(): Promise<void>;
}

/**
 * A server that makes its own choices: `answer` decides each reply from what arrived. For stand-ins
 * of a GreenCloud that reads the docs differently from our sandbox (Go's nulls, other statuses,
 * another Authorization scheme).
 */
export async function startStandInServer(
  answer: (
    request: ReceivedRequest,
    socket: Socket,
  ) => ScriptedReply | 'hang-up' | Promise<ScriptedReply | 'hang-up'>,
): Promise<StandInServer> {
  const received: ReceivedRequest[] = [];
  let connections = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(request);
      void Promise.resolve(answer(request, req.socket)).then((reply) => {
        // Closing without a byte of reply: what a kept-alive socket the server dropped looks like.
        if (reply === 'hang-up') return void req.socket.destroy();
        res.writeHead(reply.status, reply.headers);
        res.end(reply.body);
      });
    });
  });
  server.on('connection', () => {
    connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    received,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A JSON reply, as a Go handler's c.JSON(status, value) would send it. */
export function json(status: number, value: unknown): ScriptedReply {
  return {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
    body: JSON.stringify(value),
  };
}

/** A port on loopback that nothing listens on: connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
