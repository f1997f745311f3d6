// Copies a secret (the API key) and clears it from the clipboard after a while, but only if the
// clipboard still holds it: whatever the user copied since is theirs and must survive.

import type { ClipboardLike } from '../common/platform-ports';

export const secretClipboardLifetimeMs = 60_000;

export class ClipboardGuard {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly clipboard: ClipboardLike,
    private readonly now: () => number = Date.now,
  ) {}

  /** Resolves, once the secret is on the clipboard, with when it will be cleared (epoch ms). */
  async copySecret(secret: string, lifetimeMs = secretClipboardLifetimeMs): Promise<number> {
    await this.clipboard.writeText(secret);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.clearIfStill(secret), lifetimeMs);
    // Clearing must not keep the app (or a test run) alive on its own.
    this.timer.unref?.();
    return this.now() + lifetimeMs;
  }

  /** Clears now (e.g. at sign-out or quit) if the secret is still there. */
  async flush(secret: string | undefined): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (secret !== undefined) await this.clearIfStill(secret);
  }

  private async clearIfStill(secret: string): Promise<void> {
    // A clipboard that cannot be read (another app holds it) is left alone rather than crash main.
    const current = await Promise.resolve(this.clipboard.readText()).catch(() => undefined);
    if (current === secret) this.clipboard.clear();
  }
}
