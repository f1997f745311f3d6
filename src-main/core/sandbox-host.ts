// Runs the embedded sandbox for "Try the sandbox": started on first use on a random loopback port,
// one per app run, stopped when the app quits.

import { startSandbox, type RunningSandbox } from '../../sandbox/server';

export type SandboxStarter = () => Promise<RunningSandbox>;

export class SandboxHost {
  private running: Promise<RunningSandbox> | undefined;

  // No control routes in the app's copy: a web page in the user's browser could call them.
  constructor(
    private readonly start: SandboxStarter = () => startSandbox({ port: 0, controlRoutes: false }),
  ) {}

  ensure(): Promise<RunningSandbox> {
    this.running ??= this.start().catch((error: unknown) => {
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
