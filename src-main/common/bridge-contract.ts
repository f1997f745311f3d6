// The one contract between the main process and the renderer: every call (its request schema and
// response type) and every event main sends. Main registers handlers from it, the preload builds
// `window.greencloud` from it, the renderer and the e2e harness take their types from it. Channel
// names are derived here and nowhere else.

import { z } from 'zod';
import type { AppErrorData, BridgeResult } from './app-error';
import {
  apiKeyLoginRequest,
  changeBundleRequest,
  changeCardRequest,
  changePasswordRequest,
  flagsRequest,
  invoiceIdRequest,
  loginRequest,
  resetRequest,
  setBundleRequest,
  setPasswordRequest,
  twofaCodeRequest,
  type Account,
  type InvoiceDetail,
  type InvoiceSummary,
} from './api-schemas';
import type { AppViewName } from './app-views';

// ---- View models: what the renderer may see. No tokens, and the API key only on request. ----

export type EndpointKind = 'greencloud' | 'sandbox' | 'custom';
export interface Endpoint {
  kind: EndpointKind;
  baseUrl: string;
}

/** Where the session's tokens live. `memory` means: gone when the app quits, and why. */
export type TokenStorage = { kind: 'keychain' } | { kind: 'memory'; reason: string };

export type SessionState =
  | { status: 'signed-out'; endpoint: Endpoint }
  | { status: 'signed-in'; email: string; endpoint: Endpoint; tokenStorage: TokenStorage };

/** The account as the renderer sees it: the API key replaced by a masked form. */
export type AccountView = Omit<Account, 'apiKey'> & { apiKeyMasked?: string };

export interface AccountSnapshot {
  account: AccountView;
  /** When this data was fetched (epoch ms). */
  fetchedAt: number;
  /** True when the last attempt to refresh failed and this is the last known data. */
  stale: boolean;
  /** Why the last refresh failed, when stale. */
  lastError?: AppErrorData;
}

export type QuotaLevel = 'ok' | 'low' | 'critical' | 'exhausted' | 'stale' | 'signed-out';
export type MuteChoice = '1h' | 'tomorrow' | 'off' | 'unmute';

export interface QuotaSample {
  /** Epoch ms. */
  at: number;
  quota: number;
  bundle: string;
}

export interface QuotaStatus {
  level: QuotaLevel;
  /** The level of the figures themselves, kept while `level` says stale (the gauge's colour). */
  dataLevel?: Exclude<QuotaLevel, 'stale' | 'signed-out'>;
  bundle?: string;
  quota?: number;
  bundleSize?: number;
  /** Percent of one bundle left, one decimal, rounded down (above 100 after refills). */
  percentLeft?: number;
  /** The short figure every surface shows: "9%", "<1%", "200%" (src-main/quota/quota-format.ts). */
  percentText?: string;
  /** "8,200 of 100,000 left (8%)" or "200,000 left (2 bundles' worth)". */
  leftText?: string;
  /** e.g. "GreenCloud: DEVELOPER, 8,200 of 100,000 left (8%)". */
  summary: string;
  /** e.g. "runs out in ~2 days", "not at this rate", or "" when there is too little history. */
  forecastText: string;
  /** Epoch ms when the quota is forecast to run out, if it is. */
  runsOutAt?: number;
  /** Epoch ms when it falls below 1%, where auto-renewal (if on) buys the next bundle. */
  renewsAt?: number;
  /** Invocations per hour over the last hour and the last day, when known. */
  burnPerHour?: { lastHour?: number; lastDay?: number };
  /** Epoch ms of the last successful poll. */
  lastGoodAt?: number;
  /** Epoch ms until which alerts are muted; Infinity-like `null` for "off" is `mutedForever`. */
  mutedUntil?: number;
  mutedForever?: boolean;
  /**
   * Epoch ms of the newest history sample. The history itself is not sent on every poll (it grows
   * to kilobytes): the chart asks for it with `getQuotaHistory` when this moves.
   */
  historyAt?: number;
}

/** The chart's data, sent only when the chart asks. */
export interface QuotaHistoryView {
  history24h: QuotaSample[];
  history30d: QuotaSample[];
}

export type Appearance = 'system' | 'light' | 'dark';

export interface AppSettings {
  endpoint: { kind: 'greencloud' | 'custom'; customUrl?: string };
  pollIntervalSeconds: number;
  notifications: { enabled: boolean; earlyWarning: boolean };
  launchAtLogin: boolean;
  /** Light, dark, or as the OS says: main applies it through nativeTheme.themeSource. */
  appearance: Appearance;
}

export interface AppInfo {
  version: string;
  platform: string;
  /** For the About window; Electron and Chromium are absent outside Electron (the e2e harness). */
  versions: { electron?: string; chromium?: string; node: string };
  /** Why launch at login is not offered here, when it is not. */
  launchAtLoginUnsupportedReason?: string;
}

export interface TwoFactorSetup {
  seed: string;
  otpauthUrl: string;
}

/** Where main asks the renderer to go: a deep link or a notification click. */
export type NavigationRequest =
  | { view: 'set-password'; code: string }
  | { view: 'buy-refill' }
  | { view: 'account' }
  /** A View menu item or its shortcut (Ctrl/Cmd+1…9, Ctrl/Cmd+,); `about` opens About. */
  | { view: 'show'; target: AppViewName | 'about' };

// ---- Request schemas that only the bridge has ----

const none = z.undefined();
export const settingsPatch = z
  .object({
    endpoint: z
      .object({
        kind: z.enum(['greencloud', 'custom']),
        customUrl: z.string().optional(),
      })
      .optional(),
    pollIntervalSeconds: z
      .number({ error: 'The poll interval must be a number of seconds.' })
      .int('The poll interval must be a whole number of seconds.')
      .min(15, 'The poll interval must be at least 15 seconds.')
      .max(900, 'The poll interval must be at most 15 minutes.')
      .optional(),
    notifications: z
      .object({ enabled: z.boolean().optional(), earlyWarning: z.boolean().optional() })
      .optional(),
    launchAtLogin: z.boolean().optional(),
    appearance: z.enum(['system', 'light', 'dark']).optional(),
  })
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatch>;

// ---- The calls ----

interface CallSpec<Req extends z.ZodType, Res> {
  request: Req;
  /** Type-only marker for the response; never set at run time. */
  response?: Res;
}
function call<Res>() {
  return <Req extends z.ZodType>(request: Req): CallSpec<Req, Res> => ({ request });
}

export const bridgeCalls = {
  // Session
  getSessionState: call<SessionState>()(none),
  signIn: call<SessionState>()(loginRequest),
  signInWithApiKey: call<SessionState>()(apiKeyLoginRequest),
  trySandbox: call<SessionState>()(none),
  signOut: call<SessionState>()(none),
  requestPasswordReset: call<void>()(resetRequest),
  setPasswordWithCode: call<void>()(setPasswordRequest),
  // Account
  getAccount: call<AccountSnapshot | null>()(none),
  refreshAccount: call<AccountSnapshot>()(none),
  setFlags: call<AccountSnapshot>()(flagsRequest),
  changePassword: call<void>()(changePasswordRequest),
  revealApiKey: call<string>()(none),
  copyApiKey: call<{ clearsAt: number }>()(none),
  beginTwoFactor: call<TwoFactorSetup>()(none),
  copyTwoFactorSecret: call<{ clearsAt: number }>()(none),
  verifyTwoFactor: call<AccountSnapshot>()(twofaCodeRequest),
  disableTwoFactor: call<AccountSnapshot>()(twofaCodeRequest),
  // Billing
  setBundle: call<AccountSnapshot>()(setBundleRequest),
  changeBundle: call<AccountSnapshot>()(changeBundleRequest),
  buyRefill: call<AccountSnapshot>()(none),
  changeCard: call<void>()(changeCardRequest),
  listInvoices: call<InvoiceSummary[]>()(none),
  getInvoice: call<InvoiceDetail>()(invoiceIdRequest),
  openReceipt: call<void>()(z.object({ url: z.string() })),
  // Quota
  getQuotaStatus: call<QuotaStatus>()(none),
  getQuotaHistory: call<QuotaHistoryView>()(none),
  refreshQuotaNow: call<QuotaStatus>()(none),
  muteAlerts: call<QuotaStatus>()(
    z.object({ choice: z.enum(['1h', 'tomorrow', 'off', 'unmute']) }),
  ),
  // App
  getSettings: call<AppSettings>()(none),
  updateSettings: call<AppSettings>()(settingsPatch),
  getAppInfo: call<AppInfo>()(none),
} as const;

export type BridgeCallName = keyof typeof bridgeCalls;
export const bridgeCallNames = Object.keys(bridgeCalls) as BridgeCallName[];
export type CallRequest<N extends BridgeCallName> = z.input<(typeof bridgeCalls)[N]['request']>;
export type CallResponse<N extends BridgeCallName> =
  (typeof bridgeCalls)[N] extends CallSpec<z.ZodType, infer R> ? R : never;

// ---- The events main sends ----

interface EventSpec<P> {
  payload?: P;
}
function event<P>(): EventSpec<P> {
  return {};
}

export const bridgeEvents = {
  sessionChanged: event<SessionState>(),
  accountChanged: event<AccountSnapshot | null>(),
  quotaChanged: event<QuotaStatus>(),
  navigate: event<NavigationRequest>(),
} as const;

export type BridgeEventName = keyof typeof bridgeEvents;
export const bridgeEventNames = Object.keys(bridgeEvents) as BridgeEventName[];
export type EventPayload<E extends BridgeEventName> =
  (typeof bridgeEvents)[E] extends EventSpec<infer P> ? P : never;

/** `sessionChanged` → `onSessionChanged`: the subscribe function's name on the bridge. */
export type SubscribeName<E extends BridgeEventName> = `on${Capitalize<E>}`;
export function subscribeName<E extends BridgeEventName>(name: E): SubscribeName<E> {
  return `on${name[0]!.toUpperCase()}${name.slice(1)}` as SubscribeName<E>;
}

// ---- Channels and the bridge's shape ----

export function callChannel(name: BridgeCallName): string {
  return `greencloud:call:${name}`;
}
export function eventChannel(name: BridgeEventName): string {
  return `greencloud:event:${name}`;
}

type CallFunction<N extends BridgeCallName> =
  CallRequest<N> extends undefined
    ? () => Promise<BridgeResult<CallResponse<N>>>
    : (request: CallRequest<N>) => Promise<BridgeResult<CallResponse<N>>>;

/** `window.greencloud`: one named function per call, one subscribe function per event. */
export type GreenCloudBridge = { [N in BridgeCallName]: CallFunction<N> } & {
  [E in BridgeEventName as SubscribeName<E>]: (
    listener: (payload: EventPayload<E>) => void,
  ) => () => void;
};
