// A loopback stand-in for the update host: serves the feed files electron-builder
// writes (tests/helpers/update-feed) as a generic provider's server would, and logs each request.
// Paths outside the folder are 404, so a missing channel file looks as it does on a real host.
import { readFile } from 'node:fs/promises';
import {
  createServer,
  request as httpRequest,
  type ClientRequest,
  type IncomingMessage,
  type RequestOptions,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HttpExecutor } from 'builder-util-runtime';

export const updateFeedDir = fileURLToPath(new URL('./update-feed', import.meta.url));

export interface UpdateFeedServer {
  url: string;
  requests: string[];
  /** Replaces a file's body (say, with something that is not YAML). */
  override(name: string, body: string): void;
  /** Answers 404 for a file, as a host that has no release on that channel yet. */
  remove(name: string): void;
  close(): Promise<void>;
}

export async function startUpdateFeedServer(): Promise<UpdateFeedServer> {
  const requests: string[] = [];
  const overrides = new Map<string, string>();
  const removed = new Set<string>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://feed').pathname;
    requests.push(path);
    const name = basename(path);
    if (removed.has(name)) return void res.writeHead(404).end('Not Found');
    const body = overrides.get(name);
    if (body !== undefined) return void res.end(body);
    readFile(join(updateFeedDir, name), 'utf8').then(
      (text) => res.writeHead(200, { 'content-type': 'text/yaml' }).end(text),
      () => res.writeHead(404).end('Not Found'),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/desktop/`,
    requests,
    override: (name, body) => overrides.set(name, body),
    remove: (name) => removed.add(name),
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** builder-util-runtime's HttpExecutor over Node's http: what electron-builder's own tools use. */
export class NodeFeedExecutor extends HttpExecutor<ClientRequest> {
  createRequest(options: RequestOptions, callback: (response: unknown) => void): ClientRequest {
    return httpRequest(options, callback);
  }
}
