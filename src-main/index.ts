// The main process's entry: composes the core with Electron's objects. Every decision lives in the
// core (src-main/core) or in the pure modules beside the glue (src-main/electron); this file only
// connects them, in the order Electron requires.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
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
// CommonJS: its named exports are reached through the default import under ESM.
import electronUpdater from 'electron-updater';
import { createAppCore, type AppCore } from './core/app-core';
import { isAppPageUrl } from './core/app-page';
import { deepLinkScheme, findDeepLinkArgument } from './core/deep-link';
import { createHandlerRegistry } from './core/handler-registry';
import { loadKeytar } from './session/load-keytar';
import { settingsBackendBehaviour, settingsFileName } from './settings/settings-backend-options';
import { startEmbeddedSandbox } from '../sandbox/embedded';
import { buildAppMenuTemplate, type AppMenuActions } from './electron/app-menu';
import { registerAppSchemePrivileges, serveRendererFolder } from './electron/app-protocol';
import { onCoreEvent } from './electron/core-events';
import { cardPartition, createCardWindowOpener } from './electron/card-window';
import { createDeepLinkRouter } from './electron/deep-link-router';
import { sendBridgeEvent } from './electron/ipc-bridge';
import { onCardEntryResult } from './electron/ipc-card-entry';
import { debugSwitchRefusal, findDebugSwitch } from './electron/command-line-guard';
import { connectBridgeToIpcMain } from './electron/ipc-main-bridge';
import { createLaunchAtLogin, wasLaunchedAtLogin } from './electron/launch-at-login';
import { createMainWindow, showWindow } from './electron/main-window';
import { createNotifier } from './electron/notifier';
import { forwardSystemEvents } from './electron/system-events';
import { createTrayController, type TrayController } from './electron/tray';
import { createTrayActionHandler } from './electron/tray-actions';
import { createTrayHint } from './electron/tray-hint';
import { readTestHooks } from './electron/test-hooks';
import { setInstallOnQuit } from './electron/auto-updater';
import {
  createUpdates,
  lateUpdateControl,
  withUpdateHooks,
  type Updates,
} from './electron/updates';
import { trayViewOf } from './electron/tray-accounts';
import { capYoungGeneration } from './electron/young-generation-cap';
import { denyAllPermissions, guardAllWebContents } from './electron/web-contents-guard';

// First, before the core and windows allocate: see young-generation-cap.ts.
capYoungGeneration();

const appUserModelId = 'dev.greencloud.desktop';
const here = dirname(fileURLToPath(import.meta.url));
const preloadPath = join(here, '../preload/preload.cjs');
const cardPreloadPath = join(here, '../preload/card-preload.cjs');
const rendererDir = join(here, '../renderer');
const cardPageDir = join(here, '../card');
// Tray icons ship beside out/ (electron-builder `files`), read from the app's own folder or asar.
const trayIconDir = join(app.getAppPath(), 'assets', 'tray');
const shutdownTimeoutMs = 3_000;
const aboutPanel = {
  applicationName: 'GreenCloud Desktop',
  applicationVersion: app.getVersion(),
  version: app.getVersion(),
  copyright: '© GreenCloud',
  website: 'https://greencloud.dev',
};

// A released build refuses to be opened to a debugger (remote debugging, the Node inspector).
// Chromium's own parse of the command line counts too (switches it was given some other way).
const debugSwitch = app.isPackaged
  ? (findDebugSwitch(process.argv, process.platform) ??
    ['remote-debugging-port', 'remote-debugging-pipe'].find((name) =>
      app.commandLine.hasSwitch(name),
    ))
  : undefined;
// Environment hooks for the smoke tests and development; a packaged build reads none.
const hooks = readTestHooks(process.env, app.isPackaged);
// A separate profile for the smoke tests (and anyone running two setups side by side); set before
// anything reads userData, since the single-instance lock is per profile.
if (hooks.userDataDir !== undefined) app.setPath('userData', resolve(hooks.userDataDir));

// Scheme privileges and the web-contents guard must be in place before `ready`.
registerAppSchemePrivileges(protocol);
guardAllWebContents(app, (url) => shell.openExternal(url));

const deepLinks = createDeepLinkRouter();
let mainWindow: BrowserWindow | undefined;
let tray: TrayController | undefined;
let updates: Updates | undefined;
// About's view of the updater; the updater itself is attached once the core and tray exist.
const updateControl = lateUpdateControl();
// Closing the window hides it to the tray; only an explicit Quit (menu, tray, OS) sets this.
let isQuitting = false;

if (debugSwitch !== undefined) {
  dialog.showErrorBox('GreenCloud Desktop', debugSwitchRefusal(debugSwitch));
  app.exit(1);
} else if (!app.requestSingleInstanceLock()) {
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
  app.setAboutPanelOptions(aboutPanel);

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
    // electron-updater installs a downloaded update at quit only when the policy allows it.
    if (updates) setInstallOnQuit(electronUpdater.autoUpdater, updates.policy.installOnQuit());
  });
  // A listener here keeps Electron from quitting when the window closes: the tray lives on.
  app.on('window-all-closed', () => undefined);
}

function registerDeepLinkScheme(): void {
  // The smoke tests pass links through argv and second-instance, and must not take over the
  // developer's own greencloud:// registration.
  if (hooks.smokeTest) return;
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
    settingsBackend: new Store<Record<string, unknown>>({
      name: settingsFileName,
      ...settingsBackendBehaviour,
    }),
    loadKeytar,
    appVersion: app.getVersion(),
    platform: process.platform,
    notifier: createNotifier({
      isSupported: () => Notification.isSupported(),
      createNotification: (options) => new Notification(options),
      onClick: ({ accountId, action }) => {
        showMainWindow();
        core.navigate({ view: action === 'buy-refill' ? 'buy-refill' : 'account', accountId });
      },
    }),
    clipboard,
    openExternal: (url) => shell.openExternal(url),
    launchAtLogin: createLaunchAtLogin(app, process.platform),
    openCardWindow: createCardWindowOpener({
      createWindow: (options) => new BrowserWindow(options),
      cardSession: () => session.fromPartition(cardPartition),
      fetchFromNetwork: (request) => net.fetch(request, { bypassCustomProtocolHandlers: true }),
      onResult: onCardEntryResult,
      parent: () => mainWindow,
      preloadPath: cardPreloadPath,
      rendererDir: cardPageDir,
    }),
    applyAppearance: (appearance) => {
      nativeTheme.themeSource = appearance;
    },
    runtimeVersions: {
      electron: process.versions.electron,
      chromium: process.versions.chrome,
      node: process.versions.node,
    },
    greencloudPublishableKey: __GREENCLOUD_STRIPE_PUBLISHABLE_KEY__ || undefined,
    // The system's proxy settings and PAC script, answered by Chromium's own resolver.
    resolveProxy: (url) => session.defaultSession.resolveProxy(url),
    startSandbox: startEmbeddedSandbox,
    updates: updateControl,
  });
  quitCleanly(core);

  const handlers = withUpdateHooks(core.handlers, {
    channelChanged: () => updates?.policy.channelChanged(),
    moneyCallChanged: () => updates?.publishOffer(),
  });
  connectBridgeToIpcMain(createHandlerRegistry(handlers, isAppPageUrl));
  // A lost reply keeps money busy past its call while the account's desk checks: re-offer then.
  onCoreEvent(core, 'moneyChanged', () => updates?.publishOffer());
  const setAppMenu = (update?: AppMenuActions['update']) =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildAppMenuTemplate(process.platform, app.name, {
          openWindow: showMainWindow,
          refreshNow: () => void core.refreshQuotaNow().catch(() => undefined),
          show: (target) => {
            showMainWindow();
            core.navigate({ view: 'show', target });
          },
          ...(update === undefined ? {} : { update }),
        }),
      ),
    );
  setAppMenu();

  mainWindow = createMainWindow({
    preloadPath,
    pagePath: core.windowPagePath(),
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
    allowDevTools: !app.isPackaged,
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

  const trayController = startTray(core, showMainWindow, () => restartToUpdate());
  tray = trayController;

  // Updates: only a packaged build has a feed (app-update.yml); the smoke tests may name one.
  const restartToUpdate = () => {
    const result = updates?.policy.restartToUpdate();
    if (result?.restarted === false) {
      void dialog.showMessageBox({
        type: 'info',
        message: 'Restart to Update',
        detail: result.reason,
      });
    }
  };
  if (app.isPackaged || hooks.updateFeedUrl !== undefined) {
    updates = createUpdates({
      updater: electronUpdater.autoUpdater,
      channel: () => core.settings.get().updateChannel,
      isMoneyBusy: () => core.isMoneyBusy(),
      beforeInstall: () => {
        isQuitting = true;
      },
      onOfferChanged: (offer, aboutLine) => {
        const item = offer && { label: offer.label, enabled: offer.enabled };
        trayController.setUpdateOffer(item);
        setAppMenu(item && { ...item, restart: restartToUpdate });
        app.setAboutPanelOptions({ ...aboutPanel, ...(aboutLine ? { credits: aboutLine } : {}) });
        updateControl.changed();
      },
      ...(hooks.updateFeedUrl === undefined ? {} : { devFeedUrl: hooks.updateFeedUrl }),
    });
    updateControl.attach(updates);
    updates.policy.start();
  }

  forwardSystemEvents(powerMonitor, () => net.isOnline(), {
    systemSuspended: () => core.systemSuspended(),
    systemResumed: () => core.systemResumed(),
    networkOnline: () => {
      core.networkOnline();
      updates?.policy.networkOnline();
    },
  });

  deepLinks.attach({
    parse: (url) => core.parseDeepLink(url),
    showWindow: showMainWindow,
    navigate: (request) => core.navigate(request),
  });
  const coldStartLink = findDeepLinkArgument(process.argv);
  if (coldStartLink !== undefined) deepLinks.handle(coldStartLink);

  exposeSmokeTestProbe();
}

/** The tray over every account: the worst state, one line per account, redrawn on each change. */
function startTray(
  core: AppCore,
  showMainWindow: () => void,
  restartToUpdate: () => void,
): TrayController {
  const trayController = createTrayController({
    createTrayInstance: (iconPath) => new Tray(iconPath),
    buildMenu: (template) => Menu.buildFromTemplate(template),
    iconDir: trayIconDir,
    platform: process.platform,
    onAction: createTrayActionHandler({
      showWindow: showMainWindow,
      // The tray's Buy refill is for the account it warns about: the worst one.
      navigate: (request) =>
        core.navigate(
          request.view === 'buy-refill'
            ? { ...request, accountId: trayViewOf(core.quotaOverview()).accountId }
            : request,
        ),
      refreshNow: () => core.refreshQuotaNow(),
      mute: (choice) => core.mute(choice),
      restartToUpdate,
      quit: () => app.quit(),
    }),
    onOpenAccount: (accountId) => {
      showMainWindow();
      core.navigate({ view: 'account', accountId });
    },
  });
  // Every account's quota, redrawn when any account's changes or one signs in or out.
  const updateTray = () => {
    const view = trayViewOf(core.quotaOverview());
    trayController.update(view.status, view.accounts);
  };
  updateTray();
  onCoreEvent(core, 'quotaChanged', updateTray);
  onCoreEvent(core, 'sessionChanged', updateTray);
  return trayController;
}

/**
 * Stops the core (clipboard first, then poller and sandbox) before the process exits, with a time
 * limit. It starts at the first sign of quitting (before-quit, before any window closes), so the
 * clipboard is cleared before anything that can wait; will-quit only waits for it to finish.
 */
function quitCleanly(core: AppCore): void {
  let stopped = false;
  let shutdown: Promise<void> | undefined;
  const beginShutdown = () => (shutdown ??= core.shutdown());
  app.on('before-quit', () => void beginShutdown().catch(() => undefined));
  app.on('will-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    updates?.policy.stop();
    const timeout = new Promise<void>((done) => setTimeout(done, shutdownTimeoutMs));
    void Promise.race([beginShutdown(), timeout])
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
  if (!hooks.smokeTest) return;
  Object.assign(globalThis, {
    greencloudSmokeProbe: {
      tray: () => tray?.snapshot(),
      update: () => updates?.policy.status(),
      updateOffer: () => updates?.policy.offer(),
    },
  });
}
