// electron-updater behind the update policy's UpdaterPort. No decisions here: the policy
// (src-main/update/update-policy.ts) says when to check, download and install.
// Signature checks stay on: electron-updater verifies each download's sha512 from the feed, on
// Windows the installer's Authenticode publisher against the one the app was signed with
// (`verifyUpdateCodeSignature`, never overridden here), and Squirrel.Mac the code signature.
import type { AppUpdater } from 'electron-updater';
import type { UpdaterPort } from '../update/update-policy';

export interface AutoUpdaterOptions {
  /** Called before electron-updater closes the windows, so closing them quits instead of hiding. */
  beforeInstall: () => void;
  /** A development feed (test hooks only); packaged builds use the app-update.yml they ship. */
  devFeedUrl?: string;
}

export function createUpdaterPort(updater: AppUpdater, options: AutoUpdaterOptions): UpdaterPort {
  // The policy decides: nothing downloads or installs behind its back.
  updater.autoDownload = false;
  updater.autoInstallOnAppQuit = false;
  // Failures reach the policy through the rejected promises (electron-updater also emits 'error'
  // and logs it itself; nothing to add here).
  if (options.devFeedUrl !== undefined) {
    updater.forceDevUpdateConfig = true;
    updater.setFeedURL({ provider: 'generic', url: options.devFeedUrl });
  }
  return {
    async check(channel) {
      // "latest" is electron-builder's name for the stable feed (latest.yml, latest-mac.yml, …).
      updater.channel = channel === 'beta' ? 'beta' : 'latest';
      // Setting the channel allows downgrades; leaving beta waits for stable to catch up instead.
      updater.allowDowngrade = false;
      updater.allowPrerelease = channel === 'beta';
      const result = await updater.checkForUpdates();
      return result?.isUpdateAvailable === true ? result.updateInfo.version : undefined;
    },
    async download() {
      await updater.downloadUpdate();
    },
    installAndRestart() {
      options.beforeInstall();
      updater.quitAndInstall(false, true);
    },
  };
}

/** Read as the app quits: electron-updater installs a downloaded update at quit only if this says so. */
export function setInstallOnQuit(updater: AppUpdater, install: boolean): void {
  updater.autoInstallOnAppQuit = install;
}
