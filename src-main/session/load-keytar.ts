// Loads the native keytar module lazily, so a missing or broken build (no libsecret on this Linux)
// becomes a rejected promise that openSecretStore turns into the memory fallback, not a crash at start.

import type { KeytarLike } from '../common/platform-ports';

export async function loadKeytar(): Promise<KeytarLike> {
  const loaded: { default?: KeytarLike } & Partial<KeytarLike> = await import('keytar');
  // keytar is CommonJS: under ESM its functions arrive as the default export.
  return (loaded.default ?? loaded) as KeytarLike;
}
