// A real forward proxy on loopback (the npm `proxy` package): CONNECT tunnels for https, absolute
// URIs for http, and Basic authentication when a user name and password are given. It records
// what passed through so tests can check the traffic really went this way.

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createProxy } from 'proxy';

export interface ForwardProxy {
  /** host:port */
  address: string;
  /** `CONNECT host:port` and `GET http://...` lines, in order, 407s included. */
  seen: string[];
  close(): Promise<void>;
}

export async function startForwardProxy(credentials?: {
  username: string;
  password: string;
}): Promise<ForwardProxy> {
  const seen: string[] = [];
  const server = createProxy(http.createServer());
  server.prependListener('connect', (req: http.IncomingMessage) => seen.push(`CONNECT ${req.url}`));
  server.prependListener('request', (req: http.IncomingMessage) =>
    seen.push(`${req.method} ${req.url}`),
  );
  if (credentials) {
    const expected = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
    server.authenticate = (req) => req.headers['proxy-authorization'] === expected;
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
