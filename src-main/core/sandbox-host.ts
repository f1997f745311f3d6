// Runs the embedded sandbox for "Try the sandbox": started on first use, one per app run, stopped
// when the app quits. How to start it comes from index.ts (the sandbox sits outside src-main, and
// the core does not reach for it itself); tests and the e2e harness hand in their own.

import { AppError } from '../common/app-error';
import type { EmbeddedSandbox, EmbeddedSandboxStarter } from '../common/platform-ports';

export class SandboxHost {
  private running: Promise<EmbeddedSandbox> | undefined;

  constructor(private readonly start: EmbeddedSandboxStarter | undefined) {}

  ensure(): Promise<EmbeddedSandbox> {
    const start = this.start;
    if (!start)
      return Promise.reject(
        new AppError({
          kind: 'not-allowed',
          message: 'This copy of GreenCloud Desktop has no sandbox to try.',
        }),
      );
    this.running ??= start().catch((error: unknown) => {
      this.running = undefined;
      throw error;
    });
    return this.running;
  }

  async stop(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    if (running) await (await running).close();
  }
}
