// The one app window. Closing it hides it to the tray (the quota watcher keeps running); only Quit
// really closes it. Bounds are remembered through the store passed in.
import { BrowserWindow } from 'electron';
import { appPageUrl } from './app-protocol-paths';
import { secureWebPreferences } from './web-preferences';
import { chooseWindowBounds, minWindowSize, type Bounds, type SavedBounds } from './window-bounds';

export interface WindowBoundsStore {
  load(): SavedBounds | undefined;
  save(bounds: Bounds): void;
}

export interface MainWindowDeps {
  preloadPath: string;
  boundsStore: WindowBoundsStore;
  workAreas: () => Bounds[];
  isQuitting: () => boolean;
  /** Called each time closing the window hides it to the tray (the first time says so). */
  onHiddenToTray?: () => void;
  /** Started at login: stay in the tray until the user asks for the window. */
  startHidden: boolean;
  /** DevTools in development only: the glue passes `!app.isPackaged`. */
  allowDevTools: boolean;
  /** Window icon on Linux (Windows and macOS take it from the packaged app). */
  iconPath?: string;
  /** The page to open (windowPagePath: signed in or not as the window opens). */
  pagePath: string;
}

export function createMainWindow(deps: MainWindowDeps): BrowserWindow {
  const window = new BrowserWindow({
    ...chooseWindowBounds(deps.boundsStore.load(), deps.workAreas()),
    minWidth: minWindowSize.width,
    minHeight: minWindowSize.height,
    title: 'GreenCloud Desktop',
    // Shown once painted, so the user never sees an empty white frame in dark mode.
    show: false,
    ...(deps.iconPath === undefined ? {} : { icon: deps.iconPath }),
    webPreferences: secureWebPreferences(deps.preloadPath, { devTools: deps.allowDevTools }),
  });

  window.once('ready-to-show', () => {
    if (!deps.startHidden) window.show();
  });
  window.on('close', (event) => {
    // Normal bounds, not the maximised ones, so un-maximising after a restart still works.
    deps.boundsStore.save(window.getNormalBounds());
    if (!deps.isQuitting()) {
      event.preventDefault();
      window.hide();
      deps.onHiddenToTray?.();
    }
  });

  void window.loadURL(appPageUrl(deps.pagePath));
  return window;
}

export function showWindow(window: BrowserWindow | undefined): void {
  if (window === undefined || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
