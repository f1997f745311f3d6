// The keychain adapter against a real Secret Service (gnome-keyring on a private D-Bus session,
// started by tests/helpers/with-keyring.sh). Skipped outside that wrapper, so a developer's own
// keyring is never written to.

import { randomUUID } from 'node:crypto';
import keytar from 'keytar';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src-main/common/app-error';
import type { KeytarLike } from '../../../src-main/common/platform-ports';
import {
  KeytarSecretStore,
  keychainServiceName,
} from '../../../src-main/session/keytar-secret-store';
import { loadKeytar } from '../../../src-main/session/load-keytar';
import { openSecretStore } from '../../../src-main/session/open-secret-store';

const underTestKeyring = process.env.GREENCLOUD_KEYRING_READY === '1';

describe.skipIf(!underTestKeyring)(
  'the keychain secret store (run under tests/helpers/with-keyring.sh)',
  () => {
    it('stores, reads back, replaces and deletes a secret', async () => {
      const store = new KeytarSecretStore(keytar);
      const key = `test ${randomUUID()}`;
      expect(await store.get(key)).toBeNull();
      await store.set(key, 'first');
      expect(await store.get(key)).toBe('first');
      await store.set(key, 'second');
      expect(await store.get(key)).toBe('second');
      expect(await store.delete(key)).toBe(true);
      expect(await store.get(key)).toBeNull();
      expect(await store.delete(key)).toBe(false);
    });

    it('files entries under the GreenCloud Desktop service, where the OS keychain UI shows them', async () => {
      const store = new KeytarSecretStore(keytar);
      const key = `test ${randomUUID()}`;
      await store.set(key, 'value');
      expect(await keytar.getPassword(keychainServiceName, key)).toBe('value');
      await store.delete(key);
    });

    it('is chosen by openSecretStore when the keychain answers, and leaves no probe entry behind', async () => {
      // The real keytar, with the names of the entries the probe writes noted: each is then asked
      // for by name. (Listing the whole service raced the session tests sharing this keyring:
      // libsecret fails a listing when an entry vanishes while it reads it.)
      const written: string[] = [];
      const noting = async (): Promise<KeytarLike> => {
        const real = await loadKeytar();
        return {
          getPassword: (service, account) => real.getPassword(service, account),
          setPassword: (service, account, password) => {
            written.push(account);
            return real.setPassword(service, account, password);
          },
          deletePassword: (service, account) => real.deletePassword(service, account),
        };
      };
      const { store, tokenStorage } = await openSecretStore(noting);
      expect(tokenStorage).toEqual({ kind: 'keychain' });
      expect(store).toBeInstanceOf(KeytarSecretStore);
      expect(written).toHaveLength(1);
      expect(written[0]).toMatch(/^probe:/);
      expect(await keytar.getPassword(keychainServiceName, written[0]!)).toBeNull();
    });

    it('turns keytar failures into a keychain error with a sentence, not libsecret internals', async () => {
      const broken: KeytarLike = {
        getPassword: () =>
          Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
        setPassword: () => Promise.reject(new Error('boom')),
        deletePassword: () => Promise.reject(new Error('boom')),
      };
      const error = await new KeytarSecretStore(broken).get('x').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).kind).toBe('keychain');
      expect((error as AppError).message).not.toMatch(/D-Bus|X11/);
    });
  },
);
