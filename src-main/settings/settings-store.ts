// The app's preferences and a few remembered facts (window bounds, who was signed in), kept as JSON
// by a backend passed in: electron-store in the app, conf in tests, so this runs in plain Node.
// Secrets never come here: tokens and API keys live only in the SecretStore (src-main/session).

import { z } from 'zod';
import { AppError } from '../common/app-error';
import {
  settingsPatch,
  updateChannels,
  type AppSettings,
  type SettingsPatch,
} from '../common/bridge-contract';
import type { SettingsBackend } from '../common/platform-ports';
import { validate } from '../common/validate';
import { proxyUrl } from '../network/proxy-rules';
import { normalizeServerUrl, serverUrlProblem } from './server-url';

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

/** An account to restore at start. An email is not a secret; the tokens stay in the keychain. */
export interface RememberedAccount {
  kind: 'greencloud' | 'custom';
  baseUrl: string;
  email: string;
}

export const defaultSettings: AppSettings = {
  endpoint: { kind: 'greencloud' },
  pollIntervalSeconds: 60,
  notifications: { enabled: true, earlyWarning: true },
  launchAtLogin: false,
  appearance: 'system',
  updateChannel: 'stable',
};

// ---- Reading back: a hand-edited or corrupt file must never crash the app. Each key is checked on
// its own and a value of the wrong type or out of range falls back to its default (`.catch`), so one
// bad key does not throw away the others. ----

const storedUrl = z
  .string()
  .transform(normalizeServerUrl)
  .refine((url) => serverUrlProblem(url) === undefined);

const storedEndpoint = z
  .object({
    kind: z.enum(['greencloud', 'custom']),
    customUrl: storedUrl.optional().catch(undefined),
  })
  // A custom endpoint without a usable address cannot be used: back to GreenCloud itself.
  .refine((endpoint) => endpoint.kind === 'greencloud' || endpoint.customUrl !== undefined)
  .catch(defaultSettings.endpoint);

const storedPollInterval = z
  .number()
  .int()
  .min(15)
  .max(900)
  .catch(defaultSettings.pollIntervalSeconds);

const storedNotifications = z
  .object({
    enabled: z.boolean().catch(defaultSettings.notifications.enabled),
    earlyWarning: z.boolean().catch(defaultSettings.notifications.earlyWarning),
  })
  .catch(defaultSettings.notifications);

const storedAppearance = z.enum(['system', 'light', 'dark']).catch(defaultSettings.appearance);

const storedLaunchAtLogin = z.boolean().catch(defaultSettings.launchAtLogin);

const storedUpdateChannel = z.enum(updateChannels).catch(defaultSettings.updateChannel);

const storedWindowBounds = z
  .object({
    x: z.number().finite().optional(),
    y: z.number().finite().optional(),
    width: z.number().finite().positive(),
    height: z.number().finite().positive(),
  })
  .optional()
  .catch(undefined);

const storedAccount = z.object({
  kind: z.enum(['greencloud', 'custom']),
  baseUrl: storedUrl,
  email: z.string().min(1),
});
/** One unreadable entry drops only itself, never the rest of the list. */
const storedAccounts = z
  .array(z.unknown())
  .catch([])
  .transform((items) =>
    items.flatMap((item) => {
      const parsed = storedAccount.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    }),
  );
const storedCurrentAccount = z.string().min(1).optional().catch(undefined);

const storedProxy = z
  .string()
  .refine((text) => proxyUrl(text) !== undefined)
  .optional()
  .catch(undefined);

// Which Authorization scheme each API address accepted (see src-main/api/auth-scheme.ts). A word
// per address, never a token. Addresses are bounded in number so a file cannot grow without end.
const storedAuthSchemes = z
  .record(z.string().max(2048), z.enum(['bare', 'bearer']).catch('bare'))
  .catch({});
const maxRememberedSchemes = 20;

// ---- Changing: the bridge's patch schema plus the address rule, with the field it concerns. ----

const checkedPatch = settingsPatch.superRefine((patch, ctx) => {
  if (patch.proxy !== undefined && patch.proxy.trim() !== '' && !proxyUrl(patch.proxy)) {
    ctx.addIssue({
      code: 'custom',
      path: ['proxy'],
      message:
        'Enter the proxy as host:port, for example proxy.example.com:8080, or leave it empty.',
    });
  }
  const url = patch.endpoint?.customUrl;
  if (url === undefined) return;
  const problem = serverUrlProblem(normalizeServerUrl(url));
  if (problem) ctx.addIssue({ code: 'custom', path: ['endpoint', 'customUrl'], message: problem });
});

/** What one read of the backend parses to; kept while the backend hands back the same object. */
interface ParsedStore {
  raw: Record<string, unknown>;
  settings: AppSettings;
  authSchemes: Readonly<Record<string, 'bare' | 'bearer'>>;
}

export class SettingsStore {
  readonly #backend: SettingsBackend;
  #parsed?: ParsedStore;

  constructor(backend: SettingsBackend) {
    this.#backend = backend;
  }

  /** Frozen: the same object is handed out until the settings change. */
  get(): AppSettings {
    return this.#current().settings;
  }

  /**
   * Applies a partial change and returns the settings now in force. Throws AppError 'validation'
   * (with the field and a sentence) and changes nothing when the patch is not valid.
   */
  update(patch: SettingsPatch): AppSettings {
    const valid = validate(checkedPatch, patch);
    const current = this.get();
    // The custom address is kept when switching back to GreenCloud, so switching again needs no retyping.
    const customUrl =
      valid.endpoint?.customUrl !== undefined
        ? normalizeServerUrl(valid.endpoint.customUrl)
        : current.endpoint.customUrl;
    const kind = valid.endpoint?.kind ?? current.endpoint.kind;
    if (kind === 'custom' && customUrl === undefined) {
      throw new AppError({
        kind: 'validation',
        field: 'endpoint.customUrl',
        message: 'Enter the server’s address to use a custom server.',
      });
    }
    const next: AppSettings = {
      endpoint: customUrl === undefined ? { kind } : { kind, customUrl },
      pollIntervalSeconds: valid.pollIntervalSeconds ?? current.pollIntervalSeconds,
      notifications: { ...current.notifications, ...definedOnly(valid.notifications ?? {}) },
      launchAtLogin: valid.launchAtLogin ?? current.launchAtLogin,
      ...withProxy(valid.proxy === undefined ? current.proxy : valid.proxy.trim() || undefined),
      appearance: valid.appearance ?? current.appearance,
      updateChannel: valid.updateChannel ?? current.updateChannel,
    };
    this.#write({ proxy: undefined, ...next });
    return next;
  }

  windowBounds(): WindowBounds | undefined {
    return storedWindowBounds.parse(this.#read().windowBounds);
  }

  /** Bounds that are not finite, positive sizes (a minimised window's) are not kept: the old ones are dropped. */
  setWindowBounds(bounds: WindowBounds): void {
    this.#write({ windowBounds: storedWindowBounds.parse(bounds) });
  }

  /** Whether the "still running in the tray" notification was shown once already. */
  trayHintShown(): boolean {
    return this.#read().trayHintShown === true;
  }

  setTrayHintShown(): void {
    this.#write({ trayHintShown: true });
  }

  /** The accounts to restore at next start, in the order they were added. */
  rememberedAccounts(): RememberedAccount[] {
    return storedAccounts.parse(this.#read().accounts);
  }

  setRememberedAccounts(accounts: readonly RememberedAccount[]): void {
    this.#write({ accounts: storedAccounts.parse(accounts) });
  }

  /** The account the window showed last (its id), to show it again at start. */
  currentAccount(): string | undefined {
    return storedCurrentAccount.parse(this.#read().currentAccount);
  }

  setCurrentAccount(id: string | undefined): void {
    this.#write({ currentAccount: id });
  }

  authScheme(baseUrl: string): 'bare' | 'bearer' | undefined {
    return this.#current().authSchemes[baseUrl];
  }

  setAuthScheme(baseUrl: string, scheme: 'bare' | 'bearer'): void {
    const known = { ...this.#current().authSchemes };
    if (known[baseUrl] === scheme) return;
    delete known[baseUrl];
    // Newest last; the oldest addresses are forgotten first.
    const kept = Object.entries(known).slice(-(maxRememberedSchemes - 1));
    this.#write({ authSchemes: Object.fromEntries([...kept, [baseUrl, scheme]]) });
  }

  /**
   * The settings and schemes of the backend's current contents. Every API request and every poll
   * asks (the proxy, the Authorization scheme, the poll interval), so the parse is kept for as long
   * as the backend returns the same object: electron-store with `cache` (settings-backend-options)
   * returns its cached store until a write. A backend that returns a fresh object per read (conf
   * without `cache`, as in tests) is parsed on every read, as before.
   */
  #current(): ParsedStore {
    const raw = this.#read();
    if (this.#parsed?.raw === raw) return this.#parsed;
    this.#parsed = { raw, settings: parseSettings(raw), authSchemes: parseAuthSchemes(raw) };
    return this.#parsed;
  }

  // An unreadable file (conf throws on broken JSON unless told to clear it) reads as empty: defaults.
  #read(): Record<string, unknown> {
    try {
      const raw: unknown = this.#backend.store;
      return typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }

  // Keys this version does not know are kept: a newer version of the app may have written them.
  #write(changes: Record<string, unknown>): void {
    const next: Record<string, unknown> = { ...this.#read(), ...changes };
    for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
    try {
      this.#backend.store = next;
    } catch {
      throw new AppError({
        kind: 'internal',
        message: 'GreenCloud Desktop could not save its settings.',
      });
    }
  }
}

function parseSettings(raw: Record<string, unknown>): AppSettings {
  const endpoint = storedEndpoint.parse(raw.endpoint);
  return deepFreeze({
    endpoint:
      endpoint.customUrl === undefined
        ? { kind: endpoint.kind }
        : { kind: endpoint.kind, customUrl: endpoint.customUrl },
    pollIntervalSeconds: storedPollInterval.parse(raw.pollIntervalSeconds),
    notifications: storedNotifications.parse(raw.notifications),
    launchAtLogin: storedLaunchAtLogin.parse(raw.launchAtLogin),
    ...withProxy(storedProxy.parse(raw.proxy)),
    appearance: storedAppearance.parse(raw.appearance),
    updateChannel: storedUpdateChannel.parse(raw.updateChannel),
  });
}

function parseAuthSchemes(raw: Record<string, unknown>): Record<string, 'bare' | 'bearer'> {
  return Object.freeze(storedAuthSchemes.parse(raw.authSchemes));
}

/** Settings are shared between callers now, so none of them may change what the others see. */
function deepFreeze<T extends object>(value: T): T {
  for (const inner of Object.values(value)) {
    if (typeof inner === 'object' && inner !== null) deepFreeze(inner);
  }
  return Object.freeze(value);
}

function withProxy(proxy: string | undefined): { proxy?: string } {
  return proxy === undefined ? {} : { proxy };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
