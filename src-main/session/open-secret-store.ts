// Picks where this run keeps its tokens. keytar loading is not enough proof: on Linux it loads fine
// and then fails (no session bus, no Secret Service, a locked keyring that never answers), so the
// keychain is probed with a real set/get/delete round-trip under a timeout. Anything short of a clean
// round-trip means memory only, with a reason the user can understand.

import { randomUUID } from 'node:crypto';
import type { TokenStorage } from '../common/bridge-contract';
import type { KeytarLike } from '../common/platform-ports';
import { KeytarSecretStore } from './keytar-secret-store';
import { MemorySecretStore } from './memory-secret-store';
import type { SecretStore } from '../common/platform-ports';

export interface OpenSecretStoreOptions {
  /** How long the whole probe may take before the keychain counts as unavailable. */
  probeTimeoutMs?: number;
  /** Names the keychain in the reason; defaults to this machine's platform. */
  platform?: NodeJS.Platform;
}

export interface OpenedSecretStore {
  store: SecretStore;
  tokenStorage: TokenStorage;
}

const defaultProbeTimeoutMs = 5_000;
const signInAgain = 'so you will need to sign in again next time you open GreenCloud.';

function keychainName(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'macOS Keychain';
  if (platform === 'win32') return 'Windows Credential Manager';
  return 'system keychain (Secret Service)';
}

export async function openSecretStore(
  loadKeytar: () => Promise<KeytarLike>,
  options: OpenSecretStoreOptions = {},
): Promise<OpenedSecretStore> {
  const name = keychainName(options.platform ?? process.platform);
  const timeoutMs = options.probeTimeoutMs ?? defaultProbeTimeoutMs;

  let keytar: KeytarLike;
  try {
    keytar = await withTimeout(loadKeytar(), timeoutMs);
  } catch {
    return memoryOnly(`No ${name} is available, ${signInAgain}`);
  }

  const store = new KeytarSecretStore(keytar);
  try {
    await withTimeout(probe(store), timeoutMs);
  } catch (error) {
    const reason =
      error instanceof ProbeTimeout
        ? `The ${name} did not respond, ${signInAgain}`
        : `No ${name} is available, ${signInAgain}`;
    return memoryOnly(reason);
  }
  return { store, tokenStorage: { kind: 'keychain' } };
}

function memoryOnly(reason: string): OpenedSecretStore {
  return { store: new MemorySecretStore(), tokenStorage: { kind: 'memory', reason } };
}

// A unique entry per probe, so two app instances starting together never read each other's value.
async function probe(store: SecretStore): Promise<void> {
  const key = `probe:${randomUUID()}`;
  const value = randomUUID();
  await store.set(key, value);
  try {
    if ((await store.get(key)) !== value) throw new Error('The keychain returned another value.');
  } finally {
    await store.delete(key);
  }
}

class ProbeTimeout extends Error {}

// A hung libsecret call cannot be cancelled; the probe just stops waiting for it.
function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ProbeTimeout()), ms);
    timer.unref();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
