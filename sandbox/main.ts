// `npm run sandbox`: the sandbox on its own, on 127.0.0.1 only, port from PORT (default 4010).
// Request lines go to stderr so stdout carries only the "listening" line scripts wait for.

import { startSandbox } from './server';

const defaultPort = 4010;

function portFromEnv(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return defaultPort;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, not "${value}".`);
  }
  return port;
}

async function main(): Promise<void> {
  const sandbox = await startSandbox({
    port: portFromEnv(process.env.PORT),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  const stop = () => {
    void sandbox.close().then(() => process.exit(0));
  };
  // Ready for a stop before saying so: a script may send it the moment it reads the line.
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.stdout.write(`GreenCloud sandbox listening on ${sandbox.apiBaseUrl}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `The sandbox could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
