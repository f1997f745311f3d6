// User names and passwords for authenticating proxies (407): asked for in the app, kept in the OS
// keychain under their own service name (never in settings, never logged), and forgotten when the
// proxy refuses them. The vault and the prompt are passed in: keytar and a window dialog in the
// app, a real keyring and a scripted answer in tests.

export interface ProxyCredential {
  username: string;
  password: string;
}

/** The keychain, as a tiny interface (the same shape as the session's SecretStore). */
export interface CredentialVault {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<boolean>;
}

export interface ProxyCredentialRequest {
  /** host:port of the proxy, as shown to the user. */
  proxy: string;
  /** True when the previous user name and password were refused. */
  wrong: boolean;
}

/** Asks the user; undefined when they cancel (or no window can ask). */
export type AskProxyCredential = (
  request: ProxyCredentialRequest,
) => Promise<ProxyCredential | undefined>;

/** Service name of the keychain entries: separate from the session tokens'. */
export const proxyKeychainService = 'GreenCloud Desktop Proxy';

export class ProxyCredentials {
  readonly #vault: CredentialVault;
  readonly #ask: AskProxyCredential;
  /** One question per proxy at a time: concurrent 407s share the answer. */
  readonly #asking = new Map<string, Promise<ProxyCredential | undefined>>();

  constructor(vault: CredentialVault, ask: AskProxyCredential) {
    this.#vault = vault;
    this.#ask = ask;
  }

  async stored(proxy: string): Promise<ProxyCredential | undefined> {
    try {
      const text = await this.#vault.get(proxy);
      return text === null ? undefined : parseCredential(text);
    } catch {
      return undefined;
    }
  }

  ask(request: ProxyCredentialRequest): Promise<ProxyCredential | undefined> {
    let pending = this.#asking.get(request.proxy);
    if (!pending) {
      pending = this.#ask(request)
        .catch(() => undefined)
        .finally(() => this.#asking.delete(request.proxy));
      this.#asking.set(request.proxy, pending);
    }
    return pending;
  }

  /** Kept once the proxy has accepted them. A keychain that fails just means asking again next run. */
  async accepted(proxy: string, credential: ProxyCredential): Promise<void> {
    try {
      await this.#vault.set(proxy, JSON.stringify(credential));
    } catch {
      // ignored on purpose: see above
    }
  }

  async refused(proxy: string): Promise<void> {
    try {
      await this.#vault.delete(proxy);
    } catch {
      // ignored on purpose: nothing stored can be removed
    }
  }
}

function parseCredential(text: string): ProxyCredential | undefined {
  try {
    const value = JSON.parse(text) as Partial<ProxyCredential>;
    return typeof value.username === 'string' && typeof value.password === 'string'
      ? { username: value.username, password: value.password }
      : undefined;
  } catch {
    return undefined;
  }
}
