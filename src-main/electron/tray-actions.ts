// What each tray menu action does, as a mapping onto the core and the window. Pure, so the mapping
// is tested; the glue passes in the real functions.
import type { MuteChoice, NavigationRequest } from '../common/bridge-contract';
import type { TrayAction } from './tray-model';

export interface TrayActionTargets {
  showWindow(): void;
  navigate(request: NavigationRequest): void;
  refreshNow(): Promise<void>;
  mute(choice: MuteChoice): void;
  restartToUpdate(): void;
  quit(): void;
}

const muteChoices: Partial<Record<TrayAction, MuteChoice>> = {
  'mute-1h': '1h',
  'mute-tomorrow': 'tomorrow',
  'mute-off': 'off',
  unmute: 'unmute',
};

export function createTrayActionHandler(targets: TrayActionTargets): (action: TrayAction) => void {
  return (action) => {
    const muteChoice = muteChoices[action];
    if (muteChoice !== undefined) {
      targets.mute(muteChoice);
      return;
    }
    switch (action) {
      case 'open':
        targets.showWindow();
        return;
      case 'refresh':
        // A failed refresh shows up as the stale state in the tray itself; nothing to report here.
        void targets.refreshNow().catch(() => undefined);
        return;
      case 'buy-refill':
        targets.showWindow();
        targets.navigate({ view: 'buy-refill' });
        return;
      case 'restart-to-update':
        targets.restartToUpdate();
        return;
      case 'quit':
        targets.quit();
        return;
    }
  };
}
