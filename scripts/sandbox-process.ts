// The sandbox in a process of its own, for benchmarks and the soak: a real server does not share
// the client's event loop or heap, so the client's own work must not slow the server it is measured
// against, and the server's memory must not count as the app's. Over HTTPS when SANDBOX_TLS_KEY and
// SANDBOX_TLS_CERT name a key and certificate file, else plain HTTP. Prints one line, the API's base
// URL, when it listens.

import { readFileSync } from 'node:fs';
import { startSandbox } from '../sandbox/server';

async function main(): Promise<void> {
  const keyPath = process.env.SANDBOX_TLS_KEY;
  const certPath = process.env.SANDBOX_TLS_CERT;
  const tls =
    keyPath && certPath
      ? { key: readFileSync(keyPath, 'utf8'), cert: readFileSync(certPath, 'utf8') }
      : undefined;
  const sandbox = await startSandbox({ port: 0, ...(tls ? { tls } : {}) });
  process.once('SIGTERM', () => void sandbox.close().then(() => process.exit(0)));
  process.stdout.write(`${sandbox.apiBaseUrl}\n`);
}

void main();
