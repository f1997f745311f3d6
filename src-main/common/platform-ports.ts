// Every interface the platform glue implements, in one place: what the core asks of the OS.
// src-main/index.ts hands in Electron's (and keytar's, and electron-store's) implementations; the
// tests and the e2e harness hand in the same shapes backed by a real keyring, conf and the sandbox,
// with stand-ins only where the OS is the other side (clipboard, notifications, browser, clock).
// Types only, so every layer may import it.

import type { UpdateView } from './bridge-contract';
import type { CardWindowConfig } from './card-window-config';

/** The three-function adapter every secret goes through (GitHub Desktop's token-store idea). */
export interface SecretStore {
  /** The stored value, or null when there is none. */
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  /** True when something was deleted. */
  delete(key: string): Promise<boolean>;
}

/** The part of keytar the app uses; loaded lazily, since it is a native module that may fail. */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

/**
 * What electron-store and conf both offer: the whole stored object, read and replaced at once.
 * Both replace the file atomically (the `atomically` package: a temporary file, fsync, rename), so
 * a crash mid-write leaves the old settings or the new ones; tests/main/crash kills writers to
 * check it.
 */
export interface SettingsBackend {
  get store(): Record<string, unknown>;
  set store(value: Record<string, unknown>);
}

/** Electron 45's clipboard answers with promises; a synchronous stand-in fits the same shape. */
export interface ClipboardLike {
  writeText(text: string): Promise<void> | void;
  readText(): Promise<string> | string;
  clear(): void;
}

/** Time and timers: the wall clock in the app, a controlled one in tests. */
export interface Clock {
  now(): number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

/** A system notification about one account. */
export interface DesktopNotice {
  /** The account it is about; a click opens the window on that account. */
  accountId: string;
  /** Which alert it is: 'low', 'critical', 'exhausted', 'early-warning', 'renewed'. */
  kind: string;
  title: string;
  body: string;
  /** 'buy-refill': a click opens Buy refill. */
  action: 'buy-refill' | 'none';
}

export interface DesktopNotifier {
  notify(notice: DesktopNotice): void;
}

/** Launch at login; absent where the OS has no single way to do it (Linux). */
export interface LaunchAtLogin {
  get(): boolean;
  set(enabled: boolean): void;
}

/** Opens a URL in the system browser; only called with allow-listed URLs. */
export type OpenExternal = (url: string) => Promise<void>;

/** The embedded sandbox behind "Try the sandbox", as the core needs it. */
export interface EmbeddedSandbox {
  apiBaseUrl: string;
  /** The seeded demo account "Try the sandbox" signs in with. */
  demoAccount: { email: string; password: string };
  close(): Promise<void>;
}
export type EmbeddedSandboxStarter = () => Promise<EmbeddedSandbox>;

/**
 * Opens the card window (issue 10: its own partition, preload and CSP) and resolves with what its
 * page handed back, or undefined when it was closed. Electron's glue in the app, a second page in
 * the e2e harness; main parses the answer (billing/card-entry.ts).
 */
export type OpenCardWindow = (config: CardWindowConfig) => Promise<unknown>;

/**
 * The updater as About sees it (src-main/update's policy behind it, wired in index.ts). Absent, or
 * answering undefined, where this copy has no updater: unpackaged builds, tests, the e2e harness.
 */
export interface UpdateControl {
  status(): UpdateView | undefined;
  /** Restarts into the downloaded update, or says in words why it will not now. */
  restart(): { restarted: true } | { restarted: false; reason: string };
  /** Called whenever the view may differ (status changes, money actions starting or ending). */
  onChange(listener: () => void): () => void;
}
