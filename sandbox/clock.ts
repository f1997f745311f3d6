// The sandbox's own clock: the real time plus an offset that POST /_sandbox/clock moves forward,
// so tests can expire tokens, reset codes and the 24-hour card rule without waiting. TOTP codes do
// not use it: they are checked against the real time so authenticator apps keep working.

export class SandboxClock {
  private offsetMs = 0;

  /** Epoch ms on the sandbox clock. */
  now(): number {
    return Date.now() + this.offsetMs;
  }

  advance(seconds: number): void {
    this.offsetMs += seconds * 1000;
  }
}
