// The fallback when no keychain is reachable: secrets live in this process only and are gone when
// the app quits. Deliberately never a file: a plaintext token on disk is worse than signing in again.

import type { SecretStore } from '../common/platform-ports';

export class MemorySecretStore implements SecretStore {
  readonly #values = new Map<string, string>();

  async get(key: string): Promise<string | null> {
    return this.#values.get(key) ?? null;
  }

  async set(key: string, value: string): Promise<void> {
    this.#values.set(key, value);
  }

  async delete(key: string): Promise<boolean> {
    return this.#values.delete(key);
  }
}
