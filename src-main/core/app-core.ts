// The main process's core, without Electron: it composes settings, the keychain, the session, the
// account, the quota watcher and the embedded sandbox, and answers every bridge call. Electron's
// glue (src-main/electron) and the end-to-end harness (tests/e2e/harness) both drive this same
// object; only the transport differs.

import { join } from 'node:path';
import { AppError } from '../common/app-error';
import type {
  AppInfo,
  Appearance,
  AppSettings,
  BridgeEventName,
  EventPayload,
  MuteChoice,
  NavigationRequest,
  QuotaStatus,
  SessionState,
} from '../common/bridge-contract';
import { GreenCloudClient, type AuthProvider } from '../api/greencloud-client';
import { openSecretStore } from '../session/open-secret-store';
import type { KeytarLike } from '../session/keytar-secret-store';
import { SessionManager } from '../session/session-manager';
import { SettingsStore, type SettingsBackend } from '../settings/settings-store';
import {
  QuotaWatcher,
  signedOutQuotaStatus,
  type AlertNotifier,
  type WatcherClock,
} from '../quota/quota-watcher';
import { createFileQuotaStorage } from '../quota/quota-storage';
import { sandboxAccounts } from '../../sandbox/seed-accounts';
import { AccountService } from './account-service';
import { ClipboardGuard, type ClipboardLike } from './clipboard-guard';
import { parseDeepLink } from './deep-link';
import { endpointFromSettings } from './endpoints';
import { isAllowedExternalUrl } from './external-links';
import type { BridgeHandlers } from './handler-registry';
import { SandboxHost, type SandboxStarter } from './sandbox-host';

export interface LaunchAtLogin {
  get(): boolean;
  set(enabled: boolean): void;
}

export interface AppCoreDeps {
  /** The app's data folder (Electron's userData): quota history and alert state live here. */
  dataDir: string;
  /** electron-store in the app, conf in tests: both keep settings as JSON. */
  settingsBackend: SettingsBackend;
  loadKeytar: () => Promise<KeytarLike>;
  appVersion: string;
  platform: NodeJS.Platform;
  notifier: AlertNotifier;
  clipboard: ClipboardLike;
  /** Opens a URL in the system browser; only called with allow-listed URLs. */
  openExternal: (url: string) => Promise<void>;
  /** Absent where the app knows no way to do it on this OS. */
  launchAtLogin?: LaunchAtLogin;
  /** Applies the Appearance setting (nativeTheme.themeSource in the app). */
  applyAppearance?: (appearance: Appearance) => void;
  /** Electron's, Chromium's and Node's versions, for About (process.versions in the app). */
  runtimeVersions?: AppInfo['versions'];
  startSandbox?: SandboxStarter;
  clock?: WatcherClock;
}

type EventListener = <E extends BridgeEventName>(name: E, payload: EventPayload<E>) => void;

export interface AppCore {
  handlers: BridgeHandlers;
  settings: SettingsStore;
  onEvent(listener: EventListener): () => void;
  quotaStatus(): QuotaStatus;
  refreshQuotaNow(): Promise<void>;
  mute(choice: MuteChoice): void;
  navigate(request: NavigationRequest): void;
  systemSuspended(): void;
  systemResumed(): void;
  networkOnline(): void;
  parseDeepLink(url: string): NavigationRequest | undefined;
  shutdown(): Promise<void>;
}

const realClock: WatcherClock = {
  now: () => Date.now(),
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

const launchAtLoginUnsupportedReason =
  'Launch at login is not offered on this system. Add GreenCloud Desktop to your desktop’s startup applications instead.';

export async function createAppCore(deps: AppCoreDeps): Promise<AppCore> {
  const clock = deps.clock ?? realClock;
  const userAgent = `GreenCloudDesktop/${deps.appVersion} (${deps.platform})`;
  const settings = new SettingsStore(deps.settingsBackend);
  deps.applyAppearance?.(settings.get().appearance);
  const { store: secrets, tokenStorage } = await openSecretStore(deps.loadKeytar);
  const session = new SessionManager({
    secrets,
    tokenStorage,
    createClient: (baseUrl: string, auth?: AuthProvider) =>
      new GreenCloudClient({ baseUrl, userAgent, auth }),
    now: clock.now,
    endpoint: endpointFromSettings(settings.get()),
  });
  const account = new AccountService(() => session.client(), clock.now);
  const clipboardGuard = new ClipboardGuard(deps.clipboard, clock.now);
  const sandbox = new SandboxHost(deps.startSandbox);
  const quotaStorage = createFileQuotaStorage(join(deps.dataDir, 'quota'));

  const listeners = new Set<EventListener>();
  const emit: EventListener = (name, payload) => {
    for (const listener of listeners) listener(name, payload);
  };

  let watcher: QuotaWatcher | undefined;
  let watchedKey: string | undefined;
  // Stopping a watcher writes its quota history one last time; shutdown waits for those writes.
  const historyWrites = new Set<Promise<void>>();
  const stopWatching = () => {
    if (watcher) {
      watcher.stop();
      const written = watcher.settled().finally(() => historyWrites.delete(written));
      historyWrites.add(written);
    }
    watcher = undefined;
    watchedKey = undefined;
  };
  const watch = (state: Extract<SessionState, { status: 'signed-in' }>) => {
    const key = `${state.endpoint.baseUrl} ${state.email}`;
    if (key === watchedKey) return;
    stopWatching();
    watchedKey = key;
    watcher = new QuotaWatcher({
      fetchAccount: () => account.fetch(),
      accountKey: key,
      clock,
      notifier: deps.notifier,
      storage: quotaStorage,
      settings: () => {
        const current = settings.get();
        return {
          pollIntervalSeconds: current.pollIntervalSeconds,
          notificationsEnabled: current.notifications.enabled,
          earlyWarning: current.notifications.earlyWarning,
        };
      },
    });
    watcher.onChange((status) => emit('quotaChanged', status));
    watcher.start();
  };
  const quotaStatus = () => watcher?.status() ?? signedOutQuotaStatus();
  const requireWatcher = () => {
    if (!watcher) throw new AppError({ kind: 'needs-login', message: 'Please sign in first.' });
    return watcher;
  };

  account.onChange((snapshot) => emit('accountChanged', snapshot));
  session.onChange((state) => {
    emit('sessionChanged', state);
    if (state.status === 'signed-in') {
      watch(state);
      return;
    }
    void clipboardGuard.flush(account.latest()?.apiKey);
    twoFactorSeed = undefined;
    stopWatching();
    account.clear();
    emit('quotaChanged', signedOutQuotaStatus());
  });

  const rememberSession = (state: SessionState): SessionState => {
    // The embedded sandbox starts afresh on a new port every run, so there is nothing to restore.
    if (state.status === 'signed-in' && state.endpoint.kind !== 'sandbox') {
      settings.setLastSession({ baseUrl: state.endpoint.baseUrl, email: state.email });
    }
    return state;
  };

  /** Fetches the account once and lets the watcher see it at once: one GET keeps both current. */
  const refreshAccountAndWatcher = async () => {
    const snapshot = await account.refresh();
    const latest = account.latest();
    if (!snapshot.stale && latest) watcher?.observeAccount(latest);
    return snapshot;
  };

  const applySettings = (patch: Parameters<SettingsStore['update']>[0]): AppSettings => {
    if (patch.launchAtLogin !== undefined) {
      if (!deps.launchAtLogin)
        throw new AppError({
          kind: 'not-allowed',
          message: launchAtLoginUnsupportedReason,
          field: 'launchAtLogin',
        });
      deps.launchAtLogin.set(patch.launchAtLogin);
    }
    const next = settings.update(patch);
    if (patch.appearance !== undefined) deps.applyAppearance?.(next.appearance);
    return next;
  };

  /** The 2FA secret being set up, for "Copy secret"; forgotten at sign-out. */
  let twoFactorSeed: string | undefined;

  const handlers: BridgeHandlers = {
    getSessionState: async () => session.state(),
    signIn: async (request) =>
      rememberSession(await session.signIn(endpointFromSettings(settings.get()), request)),
    signInWithApiKey: async ({ key }) =>
      rememberSession(await session.signInWithApiKey(endpointFromSettings(settings.get()), key)),
    trySandbox: async () => {
      if (session.state().status === 'signed-in') await session.signOut();
      const running = await sandbox.ensure();
      const { email, password } = sandboxAccounts.demo;
      return session.signIn({ kind: 'sandbox', baseUrl: running.apiBaseUrl }, { email, password });
    },
    signOut: async () => {
      settings.setLastSession(undefined);
      return session.signOut();
    },
    requestPasswordReset: async ({ email }) =>
      session.unauthenticatedClient(currentEndpoint()).requestPasswordReset(email),
    setPasswordWithCode: async (request) =>
      session.unauthenticatedClient(currentEndpoint()).setPasswordWithCode(request),
    getAccount: async () =>
      account.current() ?? (session.state().status === 'signed-in' ? account.refresh() : null),
    refreshAccount: () => refreshAccountAndWatcher(),
    setFlags: async (flags) => {
      // Both flags always go together: the API turns off any flag that is left out.
      await session.client().setFlags(flags);
      return refreshAccountAndWatcher();
    },
    changePassword: (request) => session.client().changePassword(request),
    revealApiKey: async () => {
      if (!account.current()) await account.refresh();
      return account.apiKey();
    },
    copyApiKey: async () => {
      if (!account.current()) await account.refresh();
      return { clearsAt: await clipboardGuard.copySecret(account.apiKey()) };
    },
    beginTwoFactor: async () => {
      const state = session.state();
      const { seed } = await session.client().beginTwoFactor();
      twoFactorSeed = seed;
      const label = encodeURIComponent(
        `GreenCloud:${state.status === 'signed-in' ? state.email : ''}`,
      );
      return { seed, otpauthUrl: `otpauth://totp/${label}?secret=${seed}&issuer=GreenCloud` };
    },
    copyTwoFactorSecret: async () => {
      if (twoFactorSeed === undefined) {
        throw new AppError({ kind: 'validation', message: 'Start setting up two-factor first.' });
      }
      // The same guard as the API key: the secret leaves the clipboard after a minute.
      return { clearsAt: await clipboardGuard.copySecret(twoFactorSeed) };
    },
    verifyTwoFactor: async ({ code }) => {
      await session.client().verifyTwoFactor(code);
      return refreshAccountAndWatcher();
    },
    disableTwoFactor: async ({ code }) => {
      await session.client().disableTwoFactor(code);
      return refreshAccountAndWatcher();
    },
    setBundle: async (request) => {
      await session.client().setBundle(request);
      return refreshAccountAndWatcher();
    },
    changeBundle: async ({ name }) => {
      await session.client().changeBundle(name);
      return refreshAccountAndWatcher();
    },
    buyRefill: async () => {
      await session.client().buyRefill();
      return refreshAccountAndWatcher();
    },
    changeCard: ({ paymentMethod }) => session.client().changeCard(paymentMethod),
    listInvoices: () => session.client().listInvoices(),
    getInvoice: ({ id }) => session.client().getInvoice(id),
    openReceipt: async ({ url }) => {
      if (!isAllowedExternalUrl(url)) {
        throw new AppError({
          kind: 'not-allowed',
          message: 'GreenCloud Desktop only opens receipts from Stripe and GreenCloud’s own sites.',
        });
      }
      await deps.openExternal(url);
    },
    getQuotaStatus: async () => quotaStatus(),
    getQuotaHistory: async () => watcher?.chartHistory() ?? { history24h: [], history30d: [] },
    refreshQuotaNow: async () => (watcher ? watcher.refreshNow() : signedOutQuotaStatus()),
    muteAlerts: async ({ choice }) => requireWatcher().mute(choice),
    getSettings: async () => settings.get(),
    updateSettings: async (patch) => applySettings(patch),
    getAppInfo: async () => ({
      version: deps.appVersion,
      platform: deps.platform,
      versions: deps.runtimeVersions ?? { node: process.versions.node },
      ...(deps.launchAtLogin ? {} : { launchAtLoginUnsupportedReason }),
    }),
  };

  function currentEndpoint() {
    const state = session.state();
    return state.status === 'signed-in' ? state.endpoint : endpointFromSettings(settings.get());
  }

  // Restore the last session from the keychain; a failure just leaves the user signed out.
  const last = settings.lastSession();
  const endpoint = endpointFromSettings(settings.get());
  if (last && last.baseUrl === endpoint.baseUrl) {
    await session.restore(endpoint, last.email).catch(() => undefined);
  }

  return {
    handlers,
    settings,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    quotaStatus,
    async refreshQuotaNow() {
      await watcher?.refreshNow();
    },
    mute: (choice) => void watcher?.mute(choice),
    navigate: (request) => emit('navigate', request),
    systemSuspended: () => watcher?.suspend(),
    systemResumed: () => watcher?.resume(),
    networkOnline: () => watcher?.online(),
    parseDeepLink,
    async shutdown() {
      // The secret leaves the clipboard first: nothing after this may wait on it (issue 7).
      await clipboardGuard.flush(account.latest()?.apiKey);
      stopWatching();
      await Promise.allSettled([...historyWrites]);
      await sandbox.stop();
    },
  };
}
