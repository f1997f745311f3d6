// A server stand-in in front of the sandbox that loses replies the way a network does *after* the
// server has acted: it forwards the request, lets the sandbox charge the card, and then drops the
// connection, stalls past the client's timeout, or answers as a failing gateway would. The
// sandbox's own faults act before its routes (nothing charged); this covers the other order.
// `down` refuses every connection, as a machine gone offline would see it.

import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type LossMode =
  | 'drop-after'
  | 'stall-after'
  | 'gateway-502'
  | 'gateway-504-after'
  /** Not a loss: the reply arrives, `ms` late (to watch what the app shows meanwhile). */
  | 'slow';

interface LossRule {
  method: string;
  path: string;
  mode: LossMode;
  count: number;
  /** After losing this reply, behave as offline (the network went away with the reply). */
  thenDown?: boolean;
  ms?: number;
}

export interface LossyProxy {
  /** The proxy's API base URL: the sandbox's, on the proxy's port. */
  apiBaseUrl: string;
  lose(rule: LossRule): void;
  /** While down, every connection is cut at once, before any request can arrive. */
  setDown(down: boolean): void;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startLossyProxy(sandboxApiBaseUrl: string): Promise<LossyProxy> {
  const target = new URL(sandboxApiBaseUrl);
  const rules: LossRule[] = [];
  const sockets = new Set<Socket>();
  let down = false;

  const takeRule = (method: string, path: string): LossRule | undefined => {
    const index = rules.findIndex((r) => r.method === method && r.path === path);
    if (index < 0) return undefined;
    const rule = rules[index]!;
    rule.count -= 1;
    if (rule.count <= 0) rules.splice(index, 1);
    return rule;
  };

  // Offline cuts every connection, kept-alive ones included (the client reuses sockets for reads).
  const goDown = () => {
    down = true;
    for (const socket of sockets) socket.destroy();
  };

  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    const path = new URL(req.url ?? '/', 'http://proxy').pathname;
    const rule = takeRule(req.method ?? 'GET', path);
    if (rule?.mode === 'gateway-502') {
      // A gateway that could not reach the server: nothing was forwarded.
      res.writeHead(502, { 'Content-Type': 'text/plain' }).end('Bad Gateway');
      return;
    }
    const upstream = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host },
      },
      async (answer) => {
        const answerBody = await readBody(answer);
        if (rule?.thenDown) goDown();
        if (rule?.mode === 'drop-after') return void req.socket.destroy();
        if (rule?.mode === 'stall-after') return; // the socket stays open, silent
        if (rule?.mode === 'slow') await new Promise((done) => setTimeout(done, rule.ms ?? 1000));
        if (rule?.mode === 'gateway-504-after') {
          res.writeHead(504, { 'Content-Type': 'text/plain' }).end('Gateway Timeout');
          return;
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers).end(answerBody);
      },
    );
    upstream.on('error', () => req.socket.destroy());
    upstream.end(body);
  });
  server.on('connection', (socket) => {
    if (down) return void socket.destroy();
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    apiBaseUrl: `http://127.0.0.1:${port}${target.pathname.replace(/\/+$/, '')}`,
    lose: (rule) => void rules.push({ ...rule }),
    setDown: (value) => {
      if (value) goDown();
      else down = false;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
