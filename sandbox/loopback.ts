// The names that mean "this computer", for the listen address and the Host and Origin checks.

export const loopbackHosts = new Set(['127.0.0.1', 'localhost', '::1']);

/** `[::1]` as URL.hostname spells it, or a bare name. */
export function isLoopbackName(name: string): boolean {
  const bare = name.startsWith('[') && name.endsWith(']') ? name.slice(1, -1) : name;
  return loopbackHosts.has(bare.toLowerCase());
}
