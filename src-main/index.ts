// The main process's entry: composes the core with Electron's objects. Every decision lives in the
// core (src-main/core) or in the pure modules beside the glue (src-main/electron); this file only
// connects them, in the order Electron requires.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  clipboard,
  Menu,
  nativeTheme,
  net,
  Notification,
  powerMonitor,
  protocol,
  screen,
  session,
  shell,
  Tray,
} from 'electron';
import Store from 'electron-store';
import { createAppCore, type AppCore } from './core/app-core';
import { isAppPageUrl } from './core/app-page';
import { deepLinkScheme, findDeepLinkArgument } from './core/deep-link';
import { createHandlerRegistry } from './core/handler-registry';
import { loadKeytar } from './session/load-keytar';
import { buildAppMenuTemplate } from './electron/app-menu';
import { registerAppSchemePrivileges, serveRendererFolder } from './electron/app-protocol';
import { onCoreEvent } from './electron/core-events';
import { createDeepLinkRouter } from './electron/deep-link-router';
import { sendBridgeEvent } from './electron/ipc-bridge';
import { connectBridgeToIpcMain } from './electron/ipc-main-bridge';
import { createLaunchAtLogin, wasLaunchedAtLogin } from './electron/launch-at-login';
import { createMainWindow, showWindow } from './electron/main-window';
import { createNotifier } from './electron/notifier';
import { forwardSystemEvents } from './electron/system-events';
import { createTrayController, type TrayController } from './electron/tray';
import { createTrayActionHandler } from './electron/tray-actions';
import { createTrayHint } from './electron/tray-hint';
import { denyAllPermissions, guardAllWebContents } from './electron/web-contents-guard';

const appUserModelId = 'dev.greencloud.desktop';
const here = dirname(fileURLToPath(import.meta.url));
const preloadPath = join(here, '../preload/preload.cjs');
const rendererDir = join(here, '../renderer');
// Tray icons ship beside out/ (electron-builder `files`), read from the app's own folder or asar.
const trayIconDir = join(app.getAppPath(), 'assets', 'tray');
const shutdownTimeoutMs = 3_000;

// A separate profile for the smoke tests (and anyone running two setups side by side); set before
// anything reads userData, since the single-instance lock is per profile.
if (process.env.GREENCLOUD_USER_DATA_DIR) {
  app.setPath('userData', resolve(process.env.GREENCLOUD_USER_DATA_DIR));
}

// Scheme privileges and the web-contents guard must be in place before `ready`.
registerAppSchemePrivileges(protocol);
guardAllWebContents(app, (url) => shell.openExternal(url));

const deepLinks = createDeepLinkRouter();
let mainWindow: BrowserWindow | undefined;
let tray: TrayController | undefined;
// Closing the window hides it to the tray; only an explicit Quit (menu, tray, OS) sets this.
let isQuitting = false;

if (!app.requestSingleInstanceLock()) {
  // Another instance owns the profile: it receives our argv (and any deep link) via second-instance.
  app.quit();
} else {
  registerAppWideHandlers();
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('GreenCloud Desktop could not start:', error);
      app.exit(1);
    });
}

function registerAppWideHandlers(): void {
  if (process.platform === 'win32') app.setAppUserModelId(appUserModelId);
  registerDeepLinkScheme();
  app.setAboutPanelOptions({
    applicationName: 'GreenCloud Desktop',
    applicationVersion: app.getVersion(),
    version: app.getVersion(),
    copyright: '© GreenCloud',
    website: 'https://greencloud.dev',
  });

  app.on('open-url', (event, url) => {
    event.preventDefault();
    deepLinks.handle(url);
  });
  app.on('second-instance', (_event, argv) => {
    const link = findDeepLinkArgument(argv);
    if (link !== undefined) deepLinks.handle(link);
    else showWindow(mainWindow);
  });
  app.on('activate', () => showWindow(mainWindow));
  app.on('before-quit', () => {
    isQuitting = true;
  });
  // A listener here keeps Electron from quitting when the window closes: the tray lives on.
  app.on('window-all-closed', () => undefined);
}

function registerDeepLinkScheme(): void {
  // The smoke tests pass links through argv and second-instance, and must not take over the
  // developer's own greencloud:// registration.
  if (process.env.GREENCLOUD_SMOKE_TEST === '1') return;
  if (process.defaultApp && process.argv[1] !== undefined) {
    // In development Electron runs as `electron <script>`: the OS must be told to pass the script.
    app.setAsDefaultProtocolClient(deepLinkScheme, process.execPath, [resolve(process.argv[1])]);
  } else {
    app.setAsDefaultProtocolClient(deepLinkScheme);
  }
}

async function start(): Promise<void> {
  denyAllPermissions(session.defaultSession);
  serveRendererFolder(protocol, rendererDir);

  const showMainWindow = () => showWindow(mainWindow);
  const core: AppCore = await createAppCore({
    dataDir: app.getPath('userData'),
    // A settings file that is not even JSON would make the constructor throw and the app fail to
    // start; start from defaults instead (SettingsStore already drops bad values key by key).
    settingsBackend: new Store<Record<string, unknown>>({
      name: 'settings',
      clearInvalidConfig: true,
    }),
    loadKeytar,
    appVersion: app.getVersion(),
    platform: process.platform,
    notifier: createNotifier({
      isSupported: () => Notification.isSupported(),
      createNotification: (options) => new Notification(options),
      onClick: (action) => {
        showMainWindow();
        if (action === 'buy-refill') core.navigate({ view: 'buy-refill' });
      },
    }),
    clipboard,
    openExternal: (url) => shell.openExternal(url),
    launchAtLogin: createLaunchAtLogin(app, process.platform),
    applyAppearance: (appearance) => {
      nativeTheme.themeSource = appearance;
    },
    runtimeVersions: {
      electron: process.versions.electron,
      chromium: process.versions.chrome,
      node: process.versions.node,
    },
  });
  quitCleanly(core);

  connectBridgeToIpcMain(createHandlerRegistry(core.handlers, isAppPageUrl));
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildAppMenuTemplate(process.platform, app.name, {
        openWindow: showMainWindow,
        refreshNow: () => void core.refreshQuotaNow().catch(() => undefined),
        show: (target) => {
          showMainWindow();
          core.navigate({ view: 'show', target });
        },
      }),
    ),
  );

  mainWindow = createMainWindow({
    preloadPath,
    boundsStore: {
      load: () => core.settings.windowBounds(),
      save: (bounds) => core.settings.setWindowBounds(bounds),
    },
    workAreas: () => {
      const primary = screen.getPrimaryDisplay();
      return [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map(
        (display) => display.workArea,
      );
    },
    isQuitting: () => isQuitting,
    onHiddenToTray: createTrayHint({
      wasShown: () => core.settings.trayHintShown(),
      markShown: () => core.settings.setTrayHintShown(),
      notify: (message) => {
        if (Notification.isSupported()) new Notification(message).show();
      },
    }),
    startHidden: wasLaunchedAtLogin(process.argv, app.getLoginItemSettings()),
    ...(process.platform === 'linux'
      ? { iconPath: join(app.getAppPath(), 'assets', 'icon.png') }
      : {}),
  });
  core.onEvent((name, payload) => sendBridgeEvent(mainWindow?.webContents, name, payload));
  // Logging off or shutting down is a quit: hiding the window to the tray would hold the OS up.
  // Windows reports it per window (session-end); Linux and macOS through powerMonitor.
  mainWindow.on('session-end', () => {
    isQuitting = true;
  });
  powerMonitor.on('shutdown', () => {
    isQuitting = true;
  });

  const trayController = createTrayController({
    createTrayInstance: (iconPath) => new Tray(iconPath),
    buildMenu: (template) => Menu.buildFromTemplate(template),
    iconDir: trayIconDir,
    platform: process.platform,
    onAction: createTrayActionHandler({
      showWindow: showMainWindow,
      navigate: (request) => core.navigate(request),
      refreshNow: () => core.refreshQuotaNow(),
      mute: (choice) => core.mute(choice),
      quit: () => app.quit(),
    }),
  });
  tray = trayController;
  trayController.update(core.quotaStatus());
  onCoreEvent(core, 'quotaChanged', (status) => trayController.update(status));

  forwardSystemEvents(powerMonitor, () => net.isOnline(), core);

  deepLinks.attach({
    parse: (url) => core.parseDeepLink(url),
    showWindow: showMainWindow,
    navigate: (request) => core.navigate(request),
  });
  const coldStartLink = findDeepLinkArgument(process.argv);
  if (coldStartLink !== undefined) deepLinks.handle(coldStartLink);

  exposeSmokeTestProbe();
}

/** Stops the core (poller, sandbox, clipboard) before the process exits, with a time limit. */
function quitCleanly(core: AppCore): void {
  let stopped = false;
  app.on('will-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    const timeout = new Promise<void>((done) => setTimeout(done, shutdownTimeoutMs));
    void Promise.race([core.shutdown(), timeout])
      .catch(() => undefined)
      .finally(() => {
        stopped = true;
        tray?.destroy();
        app.quit();
      });
  });
}

/**
 * The Electron smoke tests read the tray's state through `electronApp.evaluate`; main-process
 * objects are otherwise out of their reach. Only set when the tests ask for it.
 */
function exposeSmokeTestProbe(): void {
  if (process.env.GREENCLOUD_SMOKE_TEST !== '1') return;
  Object.assign(globalThis, { greencloudSmokeProbe: { tray: () => tray?.snapshot() } });
}
