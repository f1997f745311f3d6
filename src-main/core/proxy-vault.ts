// Where proxy passwords are kept: the OS keychain under their own service name when this run has
// a working keychain, otherwise in memory for this run only (never a file), like the session.

import type { TokenStorage } from '../common/bridge-contract';
import { proxyKeychainService, type CredentialVault } from '../network/proxy-credentials';
import type { KeytarLike } from '../common/platform-ports';
import { KeytarSecretStore } from '../session/keytar-secret-store';
import { MemorySecretStore } from '../session/memory-secret-store';

export async function proxyVaultFor(
  tokenStorage: TokenStorage,
  loadKeytar: () => Promise<KeytarLike>,
): Promise<CredentialVault> {
  if (tokenStorage.kind !== 'keychain') return new MemorySecretStore();
  try {
    return new KeytarSecretStore(await loadKeytar(), proxyKeychainService);
  } catch {
    return new MemorySecretStore();
  }
}
