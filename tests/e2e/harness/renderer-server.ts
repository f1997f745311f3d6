// Serves the built renderer (out/renderer) on loopback, standing in for the app:// protocol
// handler: the same file resolution (nothing outside the folder), content types and CSP header.

import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { appOrigin } from '../../../src-main/core/app-page';
import { contentSecurityPolicy } from '../../../src-main/core/content-security-policy';
import { contentTypeFor, resolveAppFile } from '../../../src-main/electron/app-protocol-paths';

export interface RendererServer {
  origin: string;
  close(): Promise<void>;
}

export async function startRendererServer(root: string): Promise<RendererServer> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://loopback').pathname;
    const file = resolveAppFile(root, `${appOrigin}${path}`);
    const notFound = () =>
      response.writeHead(404, { 'Content-Security-Policy': contentSecurityPolicy }).end();
    if (file === undefined) return notFound();
    readFile(file).then((body) => {
      response.writeHead(200, {
        'Content-Type': contentTypeFor(file),
        'Content-Security-Policy': contentSecurityPolicy,
        'X-Content-Type-Options': 'nosniff',
      });
      response.end(body);
    }, notFound);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
