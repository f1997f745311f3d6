// `npm run sandbox`: listens on 127.0.0.1 at PORT, prints the published line, answers, and shuts
// down cleanly on SIGTERM/SIGINT.

import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Resolves with everything printed so far once `line` appears on stdout. */
function waitForLine(child: ChildProcess, line: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(
      () => reject(new Error(`No "${line}" within 15 s; stdout: ${out}`)),
      15_000,
    );
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const lines = out.split('\n');
      if (lines.includes(line)) {
        clearTimeout(timer);
        resolve(lines);
      }
    });
    child.once('exit', (code) =>
      reject(new Error(`Exited with ${code} before listening; stdout: ${out}`)),
    );
  });
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

const children: ChildProcess[] = [];
afterEach(() => {
  // Only the process groups this file started.
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
});

function start(command: string, args: string[], port: number): ChildProcess {
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  children.push(child);
  return child;
}

describe('npm run sandbox', () => {
  it('prints the exact listening line, answers on 127.0.0.1:PORT, and stops on SIGTERM', async () => {
    const port = await freePort();
    const child = start('npm', ['run', 'sandbox'], port);
    const line = `GreenCloud sandbox listening on http://127.0.0.1:${port}/v1`;
    const lines = await waitForLine(child, line);
    expect(lines).toContain(line);

    const login = await fetch(`http://127.0.0.1:${port}/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'demo@greencloud.test', password: 'Demo123!' }),
    });
    expect(login.status).toBe(200);

    process.kill(-child.pid!, 'SIGTERM');
    await exited(child);
    await expect(fetch(`http://127.0.0.1:${port}/v1/user`)).rejects.toThrow();
  });

  it('sandbox/main.ts exits with 0 on SIGINT and prints nothing else on stdout', async () => {
    const port = await freePort();
    // Node itself with tsx's loader: one process, so the signal reaches the sandbox directly
    // (the tsx wrapper relays signals to a child, which under load can race).
    const child = start(process.execPath, ['--import', 'tsx', 'sandbox/main.ts'], port);
    const line = `GreenCloud sandbox listening on http://127.0.0.1:${port}/v1`;
    expect((await waitForLine(child, line)).filter((l) => l !== '')).toEqual([line]);
    process.kill(child.pid!, 'SIGINT');
    expect(await exited(child)).toBe(0);
  });
});
