// The application menu: the platform's usual roles, so copy/paste, window and quit shortcuts work
// as everywhere else. Type-only Electron import: the template is built and tested in Node.
import type { MenuItemConstructorOptions } from 'electron';

export interface AppMenuActions {
  openWindow: () => void;
  refreshNow: () => void;
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
    label: 'Refresh Quota Now',
    accelerator: 'CmdOrCtrl+R',
    // Not the `reload` role: reloading the page would drop the renderer's state for nothing.
    click: () => actions.refreshNow(),
  };
  const macAppMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      { role: 'about' },
      ...restart,
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
      submenu: [refresh, { type: 'separator' }, isMac ? { role: 'close' } : { role: 'quit' }],
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
      : [
          { label: 'Help', submenu: [{ role: 'about' }, ...restart] } as MenuItemConstructorOptions,
        ]),
  ];
}
