// The application menu: the platform's usual roles, so copy/paste, window and quit shortcuts work
// as everywhere else, plus the app's own views with their shortcuts shown (Ctrl/Cmd+1…9 in the
// order of the sidebar, Ctrl/Cmd+, for Settings, Ctrl/Cmd+R to refresh). Type-only Electron
// import: the template is built and tested in Node.
import type { MenuItemConstructorOptions } from 'electron';
import { appViews, type AppViewName } from '../common/app-views';

export interface AppMenuActions {
  openWindow: () => void;
  refreshNow: () => void;
  /** Shows the window on a view, or on About. */
  show: (target: AppViewName | 'about') => void;
  /** Present while a downloaded update waits: "Restart to Update" beside About. */
  update?: { label: string; enabled: boolean; restart: () => void };
}

export function buildAppMenuTemplate(
  platform: NodeJS.Platform,
  appName: string,
  actions: AppMenuActions,
): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const restart: MenuItemConstructorOptions[] =
    actions.update === undefined
      ? []
      : [
          {
            label: actions.update.label,
            enabled: actions.update.enabled,
            click: actions.update.restart,
          },
        ];
  const refresh: MenuItemConstructorOptions = {
    label: 'Refresh',
    accelerator: 'CmdOrCtrl+R',
    // Not the `reload` role: reloading the page would drop the renderer's state for nothing.
    click: () => actions.refreshNow(),
  };
  // macOS calls it Settings… in the app menu; Windows and Linux apps keep it under File.
  const settings: MenuItemConstructorOptions = {
    label: isMac ? 'Settings…' : 'Settings',
    accelerator: 'CmdOrCtrl+,',
    click: () => actions.show('settings'),
  };
  const about: MenuItemConstructorOptions = {
    label: `About ${appName}`,
    click: () => actions.show('about'),
  };
  const viewItems: MenuItemConstructorOptions[] = appViews.slice(0, 9).map((entry, index) => ({
    label: entry.label,
    accelerator: `CmdOrCtrl+${index + 1}`,
    click: () => actions.show(entry.view),
  }));
  const macAppMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      about,
      ...restart,
      { type: 'separator' },
      settings,
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };
  return [
    ...(isMac ? [macAppMenu] : []),
    {
      label: 'File',
      submenu: [
        refresh,
        ...(isMac ? [] : [{ type: 'separator' } as const, settings]),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        ...viewItems,
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: 'Window',
      submenu: [
        { label: 'Open GreenCloud', click: () => actions.openWindow() },
        { role: 'minimize' },
        ...(isMac ? [{ role: 'zoom' } as const, { role: 'front' } as const] : []),
        { role: 'close' },
      ],
    },
    // The About box lives in the app menu on macOS and under Help elsewhere.
    ...(isMac
      ? []
      : [{ label: 'Help', submenu: [about, ...restart] } as MenuItemConstructorOptions]),
  ];
}
