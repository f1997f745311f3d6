// Applies the tray model to a real tray. Electron objects come from factories passed in (Signal's
// `createTrayInstance` idea), so the wiring is tested with fakes and holds no decisions itself.
import { join } from 'node:path';
import type { Menu, MenuItemConstructorOptions, Tray } from 'electron';
import type { QuotaStatus } from '../common/bridge-contract';
import type { TrayAccountLine } from './tray-accounts';
import { toMenuTemplate } from './tray-menu-template';
import { buildTrayModel, trayIconFile, type TrayAction, type TrayModelOptions } from './tray-model';

export type TrayInstance = Pick<
  Tray,
  'setImage' | 'setToolTip' | 'setTitle' | 'setContextMenu' | 'on' | 'destroy'
>;

export interface TrayControllerDeps {
  createTrayInstance: (iconPath: string) => TrayInstance;
  buildMenu: (template: MenuItemConstructorOptions[]) => Menu;
  iconDir: string;
  platform: NodeJS.Platform;
  onAction: (action: TrayAction) => void;
  /** A click on one account's line (several accounts signed in). */
  onOpenAccount?: (accountId: string) => void;
  now?: () => number;
  formatTime?: (epochMs: number) => string;
}

export interface TraySnapshot {
  iconPath: string;
  tooltip: string;
  title: string;
  /** The menu's top-level labels, in order ("" for a separator). */
  menuLabels: string[];
}

export interface TrayController {
  update(status: QuotaStatus, accounts?: readonly TrayAccountLine[]): void;
  /** Shows or removes "Restart to Update" (undefined), keeping the last quota status. */
  setUpdateOffer(offer: TrayModelOptions['updateOffer']): void;
  /** What the tray shows now (for diagnostics and the Electron smoke test), if it exists. */
  snapshot(): TraySnapshot | undefined;
  destroy(): void;
}

function formatClockTime(epochMs: number): string {
  return new Date(epochMs).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

export function createTrayController(deps: TrayControllerDeps): TrayController {
  let tray: TrayInstance | undefined;
  let shown: TraySnapshot | undefined;
  let lastStatus: QuotaStatus | undefined;
  let lastAccounts: readonly TrayAccountLine[] | undefined;
  let updateOffer: TrayModelOptions['updateOffer'];

  return {
    update(status, accounts) {
      lastStatus = status;
      lastAccounts = accounts;
      const options = {
        now: (deps.now ?? Date.now)(),
        formatTime: deps.formatTime ?? formatClockTime,
        ...(updateOffer === undefined ? {} : { updateOffer }),
      };
      const model = buildTrayModel(status, options, accounts);
      const nextIconPath = join(deps.iconDir, trayIconFile(model.iconName, deps.platform));
      if (tray === undefined) {
        tray = deps.createTrayInstance(nextIconPath);
        // Windows users expect a left click on the tray icon to bring the window up; macOS and
        // Linux open the menu on click, where "Open GreenCloud" is the first action.
        if (deps.platform === 'win32') tray.on('click', () => deps.onAction('open'));
      } else if (nextIconPath !== shown?.iconPath) {
        tray.setImage(nextIconPath);
      }
      shown = {
        iconPath: nextIconPath,
        tooltip: model.tooltip,
        title: model.title,
        menuLabels: model.menu.map((item) => ('label' in item ? item.label : '')),
      };
      tray.setToolTip(model.tooltip);
      if (deps.platform === 'darwin') tray.setTitle(model.title);
      // Rebuilt and set again on every change: Linux AppIndicator ignores edits to a menu it has.
      tray.setContextMenu(
        deps.buildMenu(toMenuTemplate(model.menu, deps.onAction, deps.onOpenAccount)),
      );
    },
    setUpdateOffer(offer) {
      updateOffer = offer;
      if (lastStatus !== undefined) this.update(lastStatus, lastAccounts);
    },
    snapshot: () => shown,
    destroy() {
      tray?.destroy();
      tray = undefined;
      shown = undefined;
    },
  };
}
