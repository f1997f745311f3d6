// The OS keychain (macOS Keychain, Windows Credential Manager, the Secret Service on Linux) through
// keytar. keytar itself is passed in, so this file loads in plain Node and tests can hand it the
// real module under a private keyring.

import { AppError } from '../common/app-error';
import type { KeytarLike, SecretStore } from '../common/platform-ports';

/** The keychain entries' service name: what the user sees in Keychain Access or Seahorse. */
export const keychainServiceName = 'GreenCloud Desktop';

export class KeytarSecretStore implements SecretStore {
  readonly #keytar: KeytarLike;
  readonly #service: string;

  constructor(keytar: KeytarLike, service: string = keychainServiceName) {
    this.#keytar = keytar;
    this.#service = service;
  }

  get(key: string): Promise<string | null> {
    return this.#guard(() => this.#keytar.getPassword(this.#service, key));
  }

  set(key: string, value: string): Promise<void> {
    return this.#guard(() => this.#keytar.setPassword(this.#service, key, value));
  }

  delete(key: string): Promise<boolean> {
    return this.#guard(() => this.#keytar.deletePassword(this.#service, key));
  }

  // keytar's own messages are libsecret/OS internals ("Cannot autolaunch D-Bus..."): the user gets
  // a sentence instead, with a kind the session can branch on.
  async #guard<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch {
      throw new AppError({
        kind: 'keychain',
        message: 'GreenCloud Desktop could not use the system keychain.',
      });
    }
  }
}
