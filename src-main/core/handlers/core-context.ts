// What the bridge handlers work with: the accounts, the sessions, settings, the embedded sandbox,
// the billing facts and the platform's few direct services. Built once by the composition root (app-core.ts).

import type { BillingFacts } from '../../billing/billing-facts';
import type {
  AppInfo,
  Appearance,
  BridgeCallName,
  CallRequest,
  CallResponse,
} from '../../common/bridge-contract';
import type { LaunchAtLogin, OpenExternal, UpdateControl } from '../../common/platform-ports';
import type { SessionManager } from '../../session/session-manager';
import type { SettingsStore } from '../../settings/settings-store';
import type { AccountDirectory } from '../account-directory';
import type { CoreNetwork } from '../client-network-options';
import type { CallHandler } from '../handler-registry';
import type { ProxyPrompt } from '../proxy-prompt';
import type { SandboxHost } from '../sandbox-host';
import type { SignedInAccount } from '../signed-in-account';

export interface CoreContext {
  directory: AccountDirectory;
  sessions: SessionManager;
  settings: SettingsStore;
  sandbox: SandboxHost;
  /** Currency, Stripe key, card-change schedule and the card window: shared by every account. */
  billing: BillingFacts;
  /** Shared by every account's client: its kept-alive connections close when the proxy changes. */
  network: CoreNetwork;
  /** Asks the window for an authenticating proxy's user name and password. */
  proxyPrompt: ProxyPrompt;
  openExternal: OpenExternal;
  launchAtLogin?: LaunchAtLogin;
  /** Applies the Appearance setting (nativeTheme.themeSource in the app). */
  applyAppearance?: (appearance: Appearance) => void;
  /** Electron's, Chromium's and Node's versions, for About. */
  runtimeVersions?: AppInfo['versions'];
  /** The updater, for About; absent where this copy has none. */
  updates?: UpdateControl;
  appVersion: string;
  platform: NodeJS.Platform;
}

/** The calls whose request names an account. */
export type AccountCallName = {
  [N in BridgeCallName]: CallRequest<N> extends { accountId: string } ? N : never;
}[BridgeCallName];

type AccountCallHandler<N extends AccountCallName> = (
  account: SignedInAccount,
  request: Omit<Parameters<CallHandler<N>>[0], 'accountId'>,
) => Promise<CallResponse<N>>;

/**
 * Handlers for calls about one account: the request names it, each handler gets that account's
 * object and the rest of the request (the id never travels on to the API). An account that is not
 * signed in is refused with a sentence before any handler runs.
 */
export function forAccount<K extends AccountCallName>(
  context: Pick<CoreContext, 'directory'>,
  handlers: { [N in K]: AccountCallHandler<N> },
): { [N in K]: CallHandler<N> } {
  const bound: Record<string, unknown> = {};
  for (const [name, run] of Object.entries(handlers) as [K, AccountCallHandler<K>][]) {
    bound[name] = async ({ accountId, ...rest }: { accountId: string }) =>
      run(context.directory.get(accountId), rest as never);
  }
  return bound as { [N in K]: CallHandler<N> };
}
