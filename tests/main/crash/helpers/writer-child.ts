// Runs in a child process that the kill test SIGKILLs at random moments: it writes settings (the
// app's SettingsStore over conf, as electron-store does), alert state and a month of quota history
// (the watcher's file storage) as fast as it can, and prints the round number after each round is
// on disk. The parent then opens the same folder as the next start would.

import Conf from 'conf';
import { createFileQuotaStorage } from '../../../../src-main/quota/quota-storage';
import { settingsBackendBehaviour } from '../../../../src-main/settings/settings-backend-options';
import { SettingsStore } from '../../../../src-main/settings/settings-store';
import { alertValue, historyValue, pollIntervalFor, projectName } from './crash-rounds';

const dataDir = process.argv[2]!;
// Opened as the app opens its settings (settings-backend-options).
const settings = new SettingsStore(
  new Conf({ cwd: dataDir, projectName, ...settingsBackendBehaviour }),
);
const storage = createFileQuotaStorage(dataDir);

async function main(): Promise<void> {
  for (let round = Number(process.argv[3] ?? 1); ; round += 1) {
    settings.update({ pollIntervalSeconds: pollIntervalFor(round) });
    await Promise.all([
      storage.save('alerts', alertValue(round)),
      storage.save('history', historyValue(round)),
    ]);
    process.stdout.write(`${round}\n`);
  }
}

void main();
