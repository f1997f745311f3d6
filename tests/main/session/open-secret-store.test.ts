// Where tokens live when the keychain cannot be used: in memory for this run, with a reason the
// user understands. The Secret Service case runs a real child process with no session bus at all.

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { KeytarLike } from '../../../src-main/common/platform-ports';
import { MemorySecretStore } from '../../../src-main/session/memory-secret-store';
import { openSecretStore } from '../../../src-main/session/open-secret-store';

const run = promisify(execFile);

describe('openSecretStore falls back to memory', () => {
  it('when there is no Secret Service at all (no D-Bus session bus, no display)', async () => {
    const env = { ...process.env };
    delete env.DBUS_SESSION_BUS_ADDRESS;
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    const { stdout } = await run('npx', ['tsx', 'tests/helpers/session-probe-secret-store.ts'], {
      env,
      timeout: 30_000,
    });
    const tokenStorage = JSON.parse(stdout.trim().split('\n').pop() ?? '{}');
    expect(tokenStorage).toEqual({
      kind: 'memory',
      reason:
        'No system keychain (Secret Service) is available, so you will need to sign in again next time you open GreenCloud.',
    });
  }, 40_000);

  it('when keytar cannot be loaded (module missing or not built)', async () => {
    const opened = await openSecretStore(
      () => Promise.reject(new Error("Cannot find module 'keytar'")),
      {
        platform: 'linux',
      },
    );
    expect(opened.store).toBeInstanceOf(MemorySecretStore);
    expect(opened.tokenStorage).toEqual({
      kind: 'memory',
      reason:
        'No system keychain (Secret Service) is available, so you will need to sign in again next time you open GreenCloud.',
    });
  });

  it('when the keychain never answers (a locked keyring waiting on a prompt)', async () => {
    const silent: KeytarLike = {
      getPassword: () => new Promise(() => undefined),
      setPassword: () => new Promise(() => undefined),
      deletePassword: () => new Promise(() => undefined),
    };
    const opened = await openSecretStore(async () => silent, {
      probeTimeoutMs: 50,
      platform: 'darwin',
    });
    expect(opened.tokenStorage).toEqual({
      kind: 'memory',
      reason:
        'The macOS Keychain did not respond, so you will need to sign in again next time you open GreenCloud.',
    });
  });

  it('when the keychain returns something other than what was stored', async () => {
    const forgetful: KeytarLike = {
      getPassword: async () => null,
      setPassword: async () => undefined,
      deletePassword: async () => false,
    };
    const opened = await openSecretStore(async () => forgetful, { platform: 'win32' });
    expect(opened.tokenStorage).toMatchObject({ kind: 'memory' });
    expect(opened.tokenStorage).toHaveProperty(
      'reason',
      expect.stringContaining('Windows Credential Manager'),
    );
  });
});

describe('the memory secret store', () => {
  it('keeps values for this run only', async () => {
    const store = new MemorySecretStore();
    await store.set('a', '1');
    expect(await store.get('a')).toBe('1');
    expect(await store.delete('a')).toBe(true);
    expect(await store.get('a')).toBeNull();
    expect(await store.delete('a')).toBe(false);
  });
});
