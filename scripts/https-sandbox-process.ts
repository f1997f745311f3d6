// The sandbox over HTTPS in a process of its own, for benchmarks: a real server does not share the
// client's event loop, so the client's own work must not slow the server it is measured against.
// Reads the key and certificate paths from SANDBOX_TLS_KEY / SANDBOX_TLS_CERT and prints one line,
// the API's base URL, when it listens.

import { readFileSync } from 'node:fs';
import { startSandbox } from '../sandbox/server';

async function main(): Promise<void> {
  const key = readFileSync(process.env.SANDBOX_TLS_KEY ?? '', 'utf8');
  const cert = readFileSync(process.env.SANDBOX_TLS_CERT ?? '', 'utf8');
  const sandbox = await startSandbox({ port: 0, tls: { key, cert } });
  process.once('SIGTERM', () => void sandbox.close().then(() => process.exit(0)));
  process.stdout.write(`${sandbox.apiBaseUrl}\n`);
}

void main();
