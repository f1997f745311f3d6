// Copies a secret (the API key) and clears it from the clipboard after a while, but only if the
// clipboard still holds it: whatever the user copied since is theirs and must survive.

export interface ClipboardLike {
  writeText(text: string): void;
  readText(): string;
  clear(): void;
}

export const secretClipboardLifetimeMs = 60_000;

export class ClipboardGuard {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly clipboard: ClipboardLike,
    private readonly now: () => number = Date.now,
  ) {}

  /** Returns when the clipboard will be cleared (epoch ms). */
  copySecret(secret: string, lifetimeMs = secretClipboardLifetimeMs): number {
    this.clipboard.writeText(secret);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.clearIfStill(secret), lifetimeMs);
    // Clearing must not keep the app (or a test run) alive on its own.
    this.timer.unref?.();
    return this.now() + lifetimeMs;
  }

  /** Clears now (e.g. at sign-out or quit) if the secret is still there. */
  flush(secret: string | undefined): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (secret !== undefined) this.clearIfStill(secret);
  }

  private clearIfStill(secret: string): void {
    if (this.clipboard.readText() === secret) this.clipboard.clear();
  }
}
