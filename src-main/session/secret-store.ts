// The three-function adapter every secret goes through (GitHub Desktop's token-store idea): the
// session never knows whether its tokens sit in the OS keychain or only in this run's memory.

export interface SecretStore {
  /** The stored value, or null when there is none. */
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  /** True when something was deleted. */
  delete(key: string): Promise<boolean>;
}
