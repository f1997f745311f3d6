// The main process's core, without Electron: the composition root. It builds settings, the
// keychain, the sessions and the account directory (one SignedInAccount per signed-in account),
// gathers the bridge handlers from one file per area, and restores the remembered accounts.
// Electron's glue (src-main/electron) and the end-to-end harness both drive this same object; only
// the transport and the platform ports differ.

import { join } from 'node:path';
import type {
  AppInfo,
  Appearance,
  BridgeEventName,
  EventPayload,
  MuteChoice,
  NavigationRequest,
  QuotaStatus,
} from '../common/bridge-contract';
import type {
  ClipboardLike,
  Clock,
  DesktopNotifier,
  EmbeddedSandboxStarter,
  KeytarLike,
  LaunchAtLogin,
  OpenCardWindow,
  OpenExternal,
  SettingsBackend,
  UpdateControl,
} from '../common/platform-ports';
import { GreenCloudClient, type AuthProvider } from '../api/greencloud-client';
import { SettingsStore } from '../settings/settings-store';
import { openSecretStore } from '../session/open-secret-store';
import type { AccountSession } from '../session/account-session';
import { SessionManager } from '../session/session-manager';
import { createFileQuotaStorage } from '../quota/quota-storage';
import { removeStaleTempFiles } from './stale-temp-files';
import { signedOutQuotaStatus, systemClock } from '../quota/quota-watcher';
import { BillingFacts } from '../billing/billing-facts';
import { AccountDirectory } from './account-directory';
import { windowPagePath } from './app-page';
import { parseDeepLink } from './deep-link';
import type { BridgeHandlers } from './handler-registry';
import { accountHandlers } from './handlers/account-handlers';
import { appHandlers } from './handlers/app-handlers';
import { billingHandlers } from './handlers/billing-handlers';
import type { CoreContext } from './handlers/core-context';
import { quotaHandlers } from './handlers/quota-handlers';
import { sessionHandlers } from './handlers/session-handlers';
import { trackMoneyInFlight } from './money-in-flight';
import { createCoreNetwork, type CoreNetwork } from './client-network-options';
import { ProxyPrompt } from './proxy-prompt';
import { proxyVaultFor } from './proxy-vault';
import { SandboxHost } from './sandbox-host';
import { SignedInAccount, type CoreEmit } from './signed-in-account';
import type { ResolveProxy } from '../network/proxy-resolver';

export interface AppCoreDeps {
  /** The app's data folder (Electron's userData): quota history and alert state live here. */
  dataDir: string;
  /** electron-store in the app, conf in tests: both keep settings as JSON. */
  settingsBackend: SettingsBackend;
  loadKeytar: () => Promise<KeytarLike>;
  appVersion: string;
  platform: NodeJS.Platform;
  notifier: DesktopNotifier;
  clipboard: ClipboardLike;
  openExternal: OpenExternal;
  launchAtLogin?: LaunchAtLogin;
  /** Applies the Appearance setting (nativeTheme.themeSource in the app). */
  applyAppearance?: (appearance: Appearance) => void;
  /** Electron's, Chromium's and Node's versions, for About (process.versions in the app). */
  runtimeVersions?: AppInfo['versions'];
  /** How "Try the sandbox" starts the embedded sandbox; without it the sandbox is not offered. */
  startSandbox?: EmbeddedSandboxStarter;
  clock?: Clock;
  /** Opens the card window (Electron glue in the app, a second page in the e2e harness). */
  openCardWindow?: OpenCardWindow;
  /** GreenCloud's own Stripe publishable key, from the build. */
  greencloudPublishableKey?: string;
  /** Where the network layer says what it decided (a scheme switch, a proxy); console by default. */
  log?: (line: string) => void;
  /** Electron's session.resolveProxy: the system's proxy settings and PAC script. */
  resolveProxy?: ResolveProxy;
  /**
   * Tests only: the proxy typed into Settings carries requests to this computer too, so an e2e
   * test can send the loopback sandbox's traffic through a loopback proxy (see proxy-resolver.ts).
   */
  proxyLoopback?: boolean;
  /** The updater's status and restart, for About (the update policy in the app). */
  updates?: UpdateControl;
}

type EventListener = <E extends BridgeEventName>(name: E, payload: EventPayload<E>) => void;

/** One tray or menu line: an account and its quota. */
export interface AccountQuota {
  accountId: string;
  email: string;
  status: QuotaStatus;
}

export interface AppCore {
  handlers: BridgeHandlers;
  settings: SettingsStore;
  onEvent(listener: EventListener): () => void;
  /** The shown account's quota (or another's, by id); signed-out when there is none. */
  quotaStatus(accountId?: string): QuotaStatus;
  /** Every signed-in account's quota, in the account menu's order. */
  quotaOverview(): AccountQuota[];
  /** Polls every account now. */
  refreshQuotaNow(): Promise<void>;
  /** Mutes every account's alerts. */
  mute(choice: MuteChoice): void;
  navigate(request: NavigationRequest): void;
  systemSuspended(): void;
  systemResumed(): void;
  networkOnline(): void;
  parseDeepLink(url: string): NavigationRequest | undefined;
  /** The page a new window opens on: the signed-in page while someone is signed in (app-page.ts). */
  windowPagePath(): string;
  /** True while a money call runs: the updater never restarts then (src-main/update). */
  isMoneyBusy(): boolean;
  shutdown(): Promise<void>;
}

export async function createAppCore(deps: AppCoreDeps): Promise<AppCore> {
  // Before anything writes: what crashed writes left in the settings, quota and billing folders.
  await removeStaleTempFiles([
    deps.dataDir,
    join(deps.dataDir, 'quota'),
    join(deps.dataDir, 'billing'),
  ]);
  const clock = deps.clock ?? systemClock;
  const settings = new SettingsStore(deps.settingsBackend);
  deps.applyAppearance?.(settings.get().appearance);
  const listeners = new Set<EventListener>();
  const emit: CoreEmit = (name, payload) => {
    for (const listener of listeners) listener(name, payload);
  };
  const proxyPrompt = new ProxyPrompt((question) => emit('proxyCredentialsNeeded', question));
  deps.updates?.onChange(() => {
    const view = deps.updates?.status();
    if (view) emit('updateChanged', view);
  });
  const { sessions, network } = await openSessions(deps, clock, settings, proxyPrompt);
  const directory = new AccountDirectory({
    sessions,
    settings,
    emit,
    createAccount: accountFactory(deps, clock, settings, emit),
  });
  const sandbox = new SandboxHost(deps.startSandbox);
  const handlers = bridgeHandlers({
    directory,
    sessions,
    settings,
    sandbox,
    billing: new BillingFacts({
      dataDir: deps.dataDir,
      clock,
      openExternal: deps.openExternal,
      openCardWindow: deps.openCardWindow,
      greencloudPublishableKey: deps.greencloudPublishableKey,
    }),
    network,
    proxyPrompt,
    openExternal: deps.openExternal,
    launchAtLogin: deps.launchAtLogin,
    applyAppearance: deps.applyAppearance,
    runtimeVersions: deps.runtimeVersions,
    updates: deps.updates,
    appVersion: deps.appVersion,
    platform: deps.platform,
  });

  await directory.restoreAll();
  return appCoreOver({
    handlers,
    settings,
    directory,
    sandbox,
    network,
    proxyPrompt,
    listeners,
    emit,
  });
}

/**
 * The keychain (or memory, with the reason), the network every client shares (proxy, kept-alive
 * connections, trusted certificates, the proxy's credentials in the same keychain) and the
 * sessions kept in it.
 */
async function openSessions(
  deps: AppCoreDeps,
  clock: Clock,
  settings: SettingsStore,
  proxyPrompt: ProxyPrompt,
): Promise<{ sessions: SessionManager; network: CoreNetwork }> {
  const userAgent = `GreenCloudDesktop/${deps.appVersion} (${deps.platform})`;
  const { store: secrets, tokenStorage } = await openSecretStore(deps.loadKeytar);
  const network = createCoreNetwork({
    settings,
    resolveProxy: deps.resolveProxy,
    proxyLoopback: deps.proxyLoopback,
    proxyVault: await proxyVaultFor(tokenStorage, deps.loadKeytar),
    askProxyCredential: proxyPrompt.ask,
    log: deps.log,
  });
  const sessions = new SessionManager({
    secrets,
    tokenStorage,
    createClient: (baseUrl: string, auth?: AuthProvider) =>
      new GreenCloudClient({ baseUrl, userAgent, auth, ...network.clientOptions }),
    now: clock.now,
  });
  return { sessions, network };
}

/** Makes the object for each account that signs in; they share the platform and the data folder. */
function accountFactory(
  deps: AppCoreDeps,
  clock: Clock,
  settings: SettingsStore,
  emit: CoreEmit,
): (session: AccountSession) => SignedInAccount {
  const quotaStorage = createFileQuotaStorage(join(deps.dataDir, 'quota'));
  // Read before every decision, so a settings change applies to every account from its next poll.
  const watcherSettings = () => {
    const current = settings.get();
    return {
      pollIntervalSeconds: current.pollIntervalSeconds,
      notificationsEnabled: current.notifications.enabled,
      earlyWarning: current.notifications.earlyWarning,
    };
  };
  return (session) =>
    new SignedInAccount({
      session,
      clock,
      notifier: deps.notifier,
      clipboard: deps.clipboard,
      quotaStorage,
      watcherSettings,
      dataDir: deps.dataDir,
      emit,
    });
}

/** Every call of the contract, from one handler file per area. */
function bridgeHandlers(context: CoreContext): BridgeHandlers {
  return {
    ...sessionHandlers(context),
    ...accountHandlers(context),
    ...billingHandlers(context),
    ...quotaHandlers(context),
    ...appHandlers(context),
  };
}

interface CoreParts {
  handlers: BridgeHandlers;
  settings: SettingsStore;
  directory: AccountDirectory;
  sandbox: SandboxHost;
  network: CoreNetwork;
  proxyPrompt: ProxyPrompt;
  listeners: Set<EventListener>;
  emit: CoreEmit;
}

/** What the Electron glue and the harness drive: the handlers, and the few calls the OS makes. */
function appCoreOver({
  handlers,
  settings,
  directory,
  sandbox,
  network,
  proxyPrompt,
  listeners,
  emit,
}: CoreParts): AppCore {
  const everyWatcher = () => directory.signedIn().map((account) => account.watcher);
  // Counted while a money call runs, so the updater never restarts the app halfway through one.
  // A money call whose reply was lost stays busy while its account's desk checks (issue 10).
  const money = trackMoneyInFlight(handlers, () =>
    directory.signedIn().some((account) => account.billing.isBusy()),
  );
  return {
    handlers: money.handlers,
    isMoneyBusy: money.isMoneyBusy,
    settings,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    quotaStatus(accountId) {
      const account =
        accountId === undefined
          ? directory.current()
          : directory.signedIn().find(({ id }) => id === accountId);
      return account?.quotaStatus() ?? signedOutQuotaStatus();
    },
    quotaOverview: () =>
      directory.signedIn().map((account) => ({
        accountId: account.id,
        email: account.email,
        status: account.quotaStatus(),
      })),
    async refreshQuotaNow() {
      await Promise.all(everyWatcher().map((watcher) => watcher.refreshNow()));
    },
    mute: (choice) => everyWatcher().forEach((watcher) => watcher.mute(choice)),
    navigate(request) {
      // A notification or tray line about another account shows that account first.
      const accountId = 'accountId' in request ? request.accountId : undefined;
      if (accountId !== undefined && directory.signedIn().some(({ id }) => id === accountId))
        directory.show(accountId);
      emit('navigate', request);
    },
    systemSuspended: () => everyWatcher().forEach((watcher) => watcher.suspend()),
    systemResumed: () => everyWatcher().forEach((watcher) => watcher.resume()),
    networkOnline: () =>
      directory.signedIn().forEach((account) => {
        account.watcher.online();
        account.billing.online();
      }),
    parseDeepLink,
    windowPagePath: () => windowPagePath(directory.state()),
    async shutdown() {
      // The secrets leave the clipboard first (each account's dispose does), then the histories.
      await directory.dispose();
      proxyPrompt.cancelAll();
      await sandbox.stop();
      network.closeIdle();
    },
  };
}
