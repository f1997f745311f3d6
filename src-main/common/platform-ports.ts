// Every interface the platform glue implements, in one place: what the core asks of the OS.
// src-main/index.ts hands in Electron's (and keytar's, and electron-store's) implementations; the
// tests and the e2e harness hand in the same shapes backed by a real keyring, conf and the sandbox,
// with stand-ins only where the OS is the other side (clipboard, notifications, browser, clock).
// Types only, so every layer may import it.

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

/** What electron-store and conf both offer: the whole stored object, read and replaced at once. */
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
