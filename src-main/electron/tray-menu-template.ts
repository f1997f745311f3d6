// Turns the tray model's menu into Electron's menu template, with each action bound to a callback.
// Type-only Electron import, so it is tested in Node.
import type { MenuItemConstructorOptions } from 'electron';
import type { TrayAction, TrayMenuItem } from './tray-model';

export function toMenuTemplate(
  items: readonly TrayMenuItem[],
  onAction: (action: TrayAction) => void,
  onOpenAccount: (accountId: string) => void = () => undefined,
): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    switch (item.kind) {
      case 'label':
        // Disabled, so it reads as a status line rather than a button.
        return { label: item.label, enabled: false };
      case 'separator':
        return { type: 'separator' };
      case 'submenu':
        return { label: item.label, submenu: toMenuTemplate(item.items, onAction, onOpenAccount) };
      case 'account':
        return { label: item.label, click: () => onOpenAccount(item.accountId) };
      case 'action':
        return { label: item.label, enabled: item.enabled, click: () => onAction(item.action) };
    }
  });
}
