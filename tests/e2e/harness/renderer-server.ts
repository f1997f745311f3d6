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

/**
 * `policyFor` picks the CSP for a request: the app's one policy by default; the card window's
 * server (out/card) passes the card policy, which depends on the page's mode.
 */
export async function startRendererServer(
  root: string,
  policyFor: (url: URL) => string = () => contentSecurityPolicy,
): Promise<RendererServer> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://loopback');
    const path = url.pathname;
    const csp = policyFor(url);
    const file = resolveAppFile(root, `${appOrigin}${path}`);
    const notFound = () => response.writeHead(404, { 'Content-Security-Policy': csp }).end();
    if (file === undefined) return notFound();
    readFile(file).then((body) => {
      response.writeHead(200, {
        'Content-Type': contentTypeFor(file),
        'Content-Security-Policy': csp,
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
