// What the tray shows for a quota status: icon, tooltip, macOS title and the menu, as plain data.
// All tray decisions live here (tested in Node); tray.ts only hands the result to Electron.
import type { QuotaLevel, QuotaStatus } from '../common/bridge-contract';
import type { TrayAccountLine } from './tray-accounts';

export type TrayIconName = 'normal' | 'low' | 'critical' | 'exhausted' | 'stale' | 'signed-out';

export type TrayAction =
  | 'open'
  | 'refresh'
  | 'buy-refill'
  | 'mute-1h'
  | 'mute-tomorrow'
  | 'mute-off'
  | 'unmute'
  | 'restart-to-update'
  | 'quit';

export type TrayMenuItem =
  | { kind: 'label'; label: string }
  | { kind: 'separator' }
  | { kind: 'action'; action: TrayAction; label: string; enabled: boolean; checked?: boolean }
  /** One account's line (several accounts signed in): a click opens that account. */
  | { kind: 'account'; accountId: string; label: string }
  | { kind: 'submenu'; label: string; items: TrayMenuItem[] };

export interface TrayModel {
  iconName: TrayIconName;
  tooltip: string;
  /** Text beside the icon in the macOS menu bar: the percentage left, or empty. */
  title: string;
  menu: TrayMenuItem[];
}

export interface TrayModelOptions {
  now: number;
  /** Formats an epoch-ms time for "muted until …" (the OS locale in the app). */
  formatTime: (epochMs: number) => string;
  /** A downloaded update waiting for the user (src-main/update decides label and enabled). */
  updateOffer?: { label: string; enabled: boolean };
}

const iconForLevel: Record<QuotaLevel, TrayIconName> = {
  ok: 'normal',
  low: 'low',
  critical: 'critical',
  exhausted: 'exhausted',
  stale: 'stale',
  'signed-out': 'signed-out',
};

/** Windows truncates tray tooltips past 127 characters; cut them cleanly ourselves. */
const maxTooltipLength = 127;

/** The macOS menu-bar title: the same figure the window shows (QuotaStatus.percentText). */
export function percentTitle(status: QuotaStatus): string {
  if (status.level === 'signed-out') return '';
  return status.percentText ?? '';
}

function tooltipFor(status: QuotaStatus): string {
  const text = [status.summary, status.forecastText].filter((line) => line !== '').join('\n');
  return text.length <= maxTooltipLength ? text : `${text.slice(0, maxTooltipLength - 1)}…`;
}

/** The mute state in words, or undefined when alerts are on. */
export function muteLabel(status: QuotaStatus, options: TrayModelOptions): string | undefined {
  if (status.mutedForever === true) return 'Alerts are off';
  if (status.mutedUntil !== undefined && status.mutedUntil > options.now) {
    return `Alerts muted until ${options.formatTime(status.mutedUntil)}`;
  }
  return undefined;
}

function muteMenu(status: QuotaStatus, options: TrayModelOptions): TrayMenuItem {
  const muted = muteLabel(status, options) !== undefined;
  return {
    kind: 'submenu',
    label: 'Mute alerts',
    items: [
      { kind: 'action', action: 'mute-1h', label: 'For 1 hour', enabled: true },
      { kind: 'action', action: 'mute-tomorrow', label: 'Until tomorrow', enabled: true },
      {
        kind: 'action',
        action: 'mute-off',
        label: 'Until I turn them back on',
        enabled: status.mutedForever !== true,
      },
      { kind: 'separator' },
      { kind: 'action', action: 'unmute', label: 'Unmute', enabled: muted },
    ],
  };
}

export function buildTrayModel(
  status: QuotaStatus,
  options: TrayModelOptions,
  accounts?: readonly TrayAccountLine[],
): TrayModel {
  const signedIn = status.level !== 'signed-out';
  // The state goes into the menu itself, not only the tooltip: Linux AppIndicator shows none.
  // With several accounts, each gets its own line instead (tray-accounts.ts).
  const stateLines: TrayMenuItem[] = accounts
    ? accounts.map((line) => ({ kind: 'account' as const, ...line }))
    : [{ kind: 'label', label: status.summary }];
  if (!accounts && status.forecastText !== '')
    stateLines.push({ kind: 'label', label: status.forecastText });
  const muted = muteLabel(status, options);
  if (muted !== undefined) stateLines.push({ kind: 'label', label: muted });

  return {
    iconName: iconForLevel[status.level],
    tooltip: tooltipFor(status),
    title: percentTitle(status),
    menu: [
      ...stateLines,
      { kind: 'separator' },
      { kind: 'action', action: 'open', label: 'Open GreenCloud', enabled: true },
      { kind: 'action', action: 'refresh', label: 'Refresh', enabled: signedIn },
      { kind: 'action', action: 'buy-refill', label: 'Buy refill…', enabled: signedIn },
      muteMenu(status, options),
      { kind: 'separator' },
      ...(options.updateOffer === undefined
        ? []
        : [{ kind: 'action', action: 'restart-to-update', ...options.updateOffer } as const]),
      { kind: 'action', action: 'quit', label: 'Quit GreenCloud Desktop', enabled: true },
    ],
  };
}

/**
 * The icon file for a state. macOS gets the black-and-alpha template image (the menu bar tints it
 * for light and dark); Electron picks the `@2x` file beside it on Retina screens by itself.
 */
export function trayIconFile(iconName: TrayIconName, platform: NodeJS.Platform): string {
  return platform === 'darwin' ? `tray-${iconName}Template.png` : `tray-${iconName}.png`;
}
