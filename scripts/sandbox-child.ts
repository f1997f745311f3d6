// Starts scripts/sandbox-process.ts as a child process (see there for why a benchmark or the soak
// wants the sandbox out of its own process) and resolves once it listens.

import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SandboxChild {
  apiBaseUrl: string;
  origin: string;
  close: () => Promise<void>;
}

/** Over HTTPS with `tls` (key and certificate written to files the child reads), else HTTP. */
export async function startSandboxChild(tls?: {
  key: string;
  cert: string;
}): Promise<SandboxChild> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (tls) {
    env.SANDBOX_TLS_KEY = join(tmpdir(), `sandbox-child-${process.pid}.key`);
    env.SANDBOX_TLS_CERT = join(tmpdir(), `sandbox-child-${process.pid}.pem`);
    writeFileSync(env.SANDBOX_TLS_KEY, tls.key, { mode: 0o600 });
    writeFileSync(env.SANDBOX_TLS_CERT, tls.cert);
  }
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'sandbox-process.ts')],
    { env, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const apiBaseUrl = await new Promise<string>((resolve, reject) => {
    child.stdout.setEncoding('utf8');
    child.stdout.once('data', (line: string) => resolve(line.trim()));
    child.once('exit', () => reject(new Error('The sandbox process exited before it listened.')));
  });
  return {
    apiBaseUrl,
    origin: new URL(apiBaseUrl).origin,
    close: async () => {
      child.kill('SIGTERM');
      // The key file is a test CA's, but it need not outlive the run.
      for (const path of [env.SANDBOX_TLS_KEY, env.SANDBOX_TLS_CERT]) {
        if (path) rmSync(path, { force: true });
      }
    },
  };
}
