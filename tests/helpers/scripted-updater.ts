// electron-updater's role for the update policy's tests and the e2e harness: the updater's network
// is the third-party boundary, so a check answers from a script instead of a feed.
import type { UpdateChannel } from '../../src-main/common/bridge-contract';
import type { UpdaterPort } from '../../src-main/update/update-policy';

/** electron-updater's role: each check answers from `feed`, or throws what `failNext` holds. */
export class ScriptedUpdater implements UpdaterPort {
  feed: Partial<Record<UpdateChannel, string>> = {};
  failNext: unknown[] = [];
  downloadFailure: unknown;
  readonly checks: UpdateChannel[] = [];
  downloads = 0;
  installs = 0;

  async check(channel: UpdateChannel): Promise<string | undefined> {
    this.checks.push(channel);
    if (this.failNext.length > 0) throw this.failNext.shift();
    return this.feed[channel];
  }

  async download(): Promise<void> {
    this.downloads++;
    if (this.downloadFailure !== undefined) {
      const failure = this.downloadFailure;
      this.downloadFailure = undefined;
      throw failure;
    }
  }

  installAndRestart(): void {
    this.installs++;
  }
}
