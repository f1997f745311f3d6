// The one contract between the main process and the renderer: every call's request schema and
// response type, every event's payload, and the view models they carry. The names themselves live in
// bridge-names.ts (no zod, so the preload stays small); this file pairs each name with its schema.
// Main parses every payload with these schemas before a handler runs; the renderer and the e2e
// harness take their types from here.

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
import { cardPurpose, type CardWindowResult } from './card-choice';
import type { MoneyStatus } from './money-status';
import { maxLength, tooLongSentence } from './input-limits';
import type { AppViewName } from './app-views';
import type { BridgeCallName, BridgeEventName, SubscribeName } from './bridge-names';

export {
  bridgeCallAreas,
  bridgeCallNames,
  bridgeEventNames,
  callChannel,
  eventChannel,
  subscribeName,
  type AreaCallName,
  type BridgeArea,
  type BridgeCallName,
  type BridgeEventName,
  type SubscribeName,
} from './bridge-names';

// ---- View models: what the renderer may see. No tokens, and the API key only on request. ----

export type EndpointKind = 'greencloud' | 'sandbox' | 'custom';
export interface Endpoint {
  kind: EndpointKind;
  baseUrl: string;
}

/** Where the session's tokens live. `memory` means: gone when the app quits, and why. */
export type TokenStorage = { kind: 'keychain' } | { kind: 'memory'; reason: string };

/**
 * Names one signed-in (or remembered) account: its endpoint and email, as the keychain entry does.
 * Not a secret; the renderer passes it back with every call about that account.
 */
export type AccountId = string;

/** One line of the account menu. */
export type AccountEntry =
  | {
      id: AccountId;
      email: string;
      endpoint: Endpoint;
      status: 'signed-in';
      tokenStorage: TokenStorage;
    }
  | {
      id: AccountId;
      email: string;
      endpoint: Endpoint;
      /** Remembered, but its session could not be restored: the user must sign in again. */
      status: 'needs-sign-in';
      /** Why, in a sentence. */
      reason: string;
    };

/**
 * The account the window shows (`signed-in`), or none (`signed-out`: nobody is signed in, or every
 * remembered account needs signing in again), and every account beside it.
 */
export type SessionState =
  /** `notice`: something the user must know about the sign-out (a keychain entry left behind). */
  | { status: 'signed-out'; endpoint: Endpoint; accounts: AccountEntry[]; notice?: string }
  | {
      status: 'signed-in';
      accountId: AccountId;
      email: string;
      endpoint: Endpoint;
      tokenStorage: TokenStorage;
      accounts: AccountEntry[];
    };

/**
 * What the window needs to open: the session state and, when someone is signed in, the shown
 * account's data as main already holds it (null where main has not fetched it yet). One answer, so
 * an already signed-in window shows its quota after one round trip; `account` and `quota` are
 * always about `session.accountId`, the account the window is about to show.
 */
export interface StartState {
  session: SessionState;
  account: AccountSnapshot | null;
  quota: QuotaStatus | null;
}

/** At most this many accounts are signed in at once. */
export const maxAccounts = 8;

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
  /** Which releases the updater offers: stable ones only, or betas too. */
  updateChannel: UpdateChannel;
  /** A proxy typed in by the user (host:port); absent: the system's settings and PAC decide. */
  proxy?: string;
}

/** Main asks the window for an authenticating proxy's user name and password. */
export interface ProxyCredentialsQuestion {
  id: string;
  /** host:port of the proxy. */
  proxy: string;
  /** The last pair was refused. */
  wrong: boolean;
}

export const updateChannels = ['stable', 'beta'] as const;
export type UpdateChannel = (typeof updateChannels)[number];

export interface AppInfo {
  version: string;
  platform: string;
  /** For the About window; Electron and Chromium are absent outside Electron (the e2e harness). */
  versions: { electron?: string; chromium?: string; node: string };
  /** Why launch at login is not offered here, when it is not. */
  launchAtLoginUnsupportedReason?: string;
}

/** What About says about updates (the tray and the app menu offer the same restart). */
export interface UpdateView {
  /** One sentence: checking, downloading, ready, up to date or what went wrong; absent when idle. */
  line?: string;
  /** Present while a downloaded update waits for the user's restart. */
  restart?: {
    version: string;
    label: string;
    enabled: boolean;
    /** Why it cannot restart now, when it cannot (a money action is running). */
    detail?: string;
  };
}

export interface TwoFactorSetup {
  seed: string;
  otpauthUrl: string;
}

/** Where main asks the renderer to go: a deep link or a notification click. */
export type NavigationRequest =
  | { view: 'set-password'; code: string }
  | { view: 'buy-refill'; accountId?: AccountId }
  | { view: 'account'; accountId?: AccountId }
  /** A View menu item or its shortcut (Ctrl/Cmd+1…9, Ctrl/Cmd+,); `about` opens About. */
  | { view: 'show'; target: AppViewName | 'about' };

/** What a money call answers: done (with the account read once after it), or still unknown. */
export type MoneyReply =
  { outcome: 'done'; snapshot: AccountSnapshot } | { outcome: 'unknown'; status: MoneyStatus };

/** The billing facts for the account's endpoint (see src-main/billing/billing-preferences.ts). */
export interface BillingPreferencesView {
  /** The currency set for this endpoint; the sandbox's is USD and cannot be changed. */
  currency?: string;
  currencyFixed: boolean;
  /** Where the Stripe publishable key comes from: the setting, the build (GreenCloud), or none. */
  publishableKeySource: 'setting' | 'build' | 'none' | 'sandbox';
  /** The key from the setting, to show in Settings (publishable keys are public). */
  stripePublishableKey?: string;
  /** Epoch ms before which GreenCloud will refuse a card change, when the app knows one. */
  nextCardChangeAt?: number;
}

/** Events about one account say which. */
export interface AccountChange {
  accountId: AccountId;
  snapshot: AccountSnapshot | null;
}
export interface QuotaChange {
  accountId: AccountId;
  status: QuotaStatus;
}
export interface MoneyChange {
  accountId: AccountId;
  status: MoneyStatus;
}

// ---- Request schemas that only the bridge has ----

const none = z.undefined();
export const settingsPatch = z
  .object({
    endpoint: z
      .object({
        kind: z.enum(['greencloud', 'custom']),
        customUrl: z
          .string()
          .max(maxLength.url, tooLongSentence('The server address', maxLength.url))
          .optional(),
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
    /** An empty string clears the proxy: the system decides again. */
    proxy: z.string().max(maxLength.url, tooLongSentence('The proxy', maxLength.url)).optional(),
    appearance: z.enum(['system', 'light', 'dark']).optional(),
    updateChannel: z.enum(updateChannels).optional(),
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

const accountId = z.string({ error: 'Choose an account.' }).min(1, 'Choose an account.');
/** A call about one account: the request names it, so no call acts on another by accident. */
function scoped<S extends z.ZodRawShape = Record<never, never>>(
  request: z.ZodObject<S> = z.object({}) as z.ZodObject<S>,
) {
  return request.extend({ accountId });
}
const muteChoice = z.enum(['1h', 'tomorrow', 'off', 'unmute']);

export const bridgeCalls = {
  // Session
  getSessionState: call<SessionState>()(none),
  getStartState: call<StartState>()(none),
  signIn: call<SessionState>()(loginRequest),
  signInWithApiKey: call<SessionState>()(apiKeyLoginRequest),
  trySandbox: call<SessionState>()(none),
  switchAccount: call<SessionState>()(scoped()),
  signOut: call<SessionState>()(scoped()),
  signOutAll: call<SessionState>()(none),
  requestPasswordReset: call<void>()(resetRequest),
  setPasswordWithCode: call<void>()(setPasswordRequest),
  // Account
  getAccount: call<AccountSnapshot | null>()(scoped()),
  refreshAccount: call<AccountSnapshot>()(scoped()),
  setFlags: call<AccountSnapshot>()(scoped(flagsRequest)),
  changePassword: call<void>()(scoped(changePasswordRequest)),
  revealApiKey: call<string>()(scoped()),
  copyApiKey: call<{ clearsAt: number }>()(scoped()),
  beginTwoFactor: call<TwoFactorSetup>()(scoped()),
  copyTwoFactorSecret: call<{ clearsAt: number }>()(scoped()),
  verifyTwoFactor: call<AccountSnapshot>()(scoped(twofaCodeRequest)),
  disableTwoFactor: call<AccountSnapshot>()(scoped(twofaCodeRequest)),
  // Billing
  setBundle: call<MoneyReply>()(scoped(setBundleRequest)),
  changeBundle: call<MoneyReply>()(scoped(changeBundleRequest)),
  buyRefill: call<MoneyReply>()(scoped()),
  changeCard: call<BillingPreferencesView>()(scoped(changeCardRequest)),
  chooseCard: call<CardWindowResult | null>()(scoped(z.object({ purpose: cardPurpose }))),
  getMoneyStatus: call<MoneyStatus>()(scoped()),
  getBillingPreferences: call<BillingPreferencesView>()(scoped()),
  setBillingPreferences: call<BillingPreferencesView>()(
    scoped(
      z
        .object({
          currency: z.string().max(3).optional(),
          stripePublishableKey: z.string().max(260).optional(),
        })
        .strict(),
    ),
  ),
  listInvoices: call<InvoiceSummary[]>()(scoped()),
  getInvoice: call<InvoiceDetail>()(scoped(invoiceIdRequest)),
  openReceipt: call<void>()(
    z.object({ url: z.string().max(maxLength.url, tooLongSentence('The link', maxLength.url)) }),
  ),
  // Quota
  getQuotaStatus: call<QuotaStatus>()(scoped()),
  getQuotaHistory: call<QuotaHistoryView>()(scoped()),
  refreshQuotaNow: call<QuotaStatus>()(scoped()),
  muteAlerts: call<QuotaStatus>()(scoped(z.object({ choice: muteChoice }))),
  /** Mutes (or unmutes) every signed-in account's alerts at once. */
  muteAllAlerts: call<void>()(z.object({ choice: muteChoice })),
  // App
  getSettings: call<AppSettings>()(none),
  updateSettings: call<AppSettings>()(settingsPatch),
  getAppInfo: call<AppInfo>()(none),
  getUpdateStatus: call<UpdateView>()(none),
  /** Refused with the policy's sentence while a money action runs or nothing is downloaded. */
  restartToUpdate: call<void>()(none),
  // Network: the answer to proxyCredentialsNeeded; no user name means cancelled.
  answerProxyCredentials: call<void>()(
    z.object({
      id: z.string().max(64),
      username: z.string().max(256, tooLongSentence('The user name', 256)).optional(),
      password: z.string().max(1024, tooLongSentence('The password', 1024)).optional(),
    }),
  ),
} as const satisfies Record<BridgeCallName, CallSpec<z.ZodType, unknown>>; // no name without a schema, no schema without a name

export type CallRequest<N extends BridgeCallName> = z.input<(typeof bridgeCalls)[N]['request']>;
export type CallResponse<N extends BridgeCallName> =
  (typeof bridgeCalls)[N] extends CallSpec<z.ZodType, infer R> ? R : never;

// ---- The events main sends ----

export interface BridgeEventPayloads {
  sessionChanged: SessionState;
  accountChanged: AccountChange;
  quotaChanged: QuotaChange;
  navigate: NavigationRequest;
  moneyChanged: MoneyChange;
  proxyCredentialsNeeded: ProxyCredentialsQuestion;
  updateChanged: UpdateView;
}
export type EventPayload<E extends BridgeEventName> = BridgeEventPayloads[E];

// ---- The bridge's shape ----

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
