// The account's own calls: its data, flags, password, API key and two-factor authentication.
// Every one names its account; changes answer with the account fetched afresh.

import { AppError } from '../../common/app-error';
import type { AreaHandlers } from '../handler-registry';
import { forAccount, type CoreContext } from './core-context';

export function accountHandlers(context: CoreContext): AreaHandlers<'account'> {
  return forAccount(context, {
    getAccount: (account) => account.snapshot(),
    refreshAccount: (account) => account.refresh(),
    setFlags: async (account, flags) => {
      // Both flags always go together: the API turns off any flag that is left out.
      await account.client.setFlags(flags);
      return account.refresh();
    },
    changePassword: (account, request) => account.client.changePassword(request),
    revealApiKey: (account) => account.apiKey(),
    copyApiKey: async (account) => ({
      clearsAt: await account.clipboardGuard.copySecret(await account.apiKey()),
    }),
    beginTwoFactor: async (account) => {
      const { seed } = await account.client.beginTwoFactor();
      account.twoFactorSeed = seed;
      const label = encodeURIComponent(`GreenCloud:${account.email}`);
      return { seed, otpauthUrl: `otpauth://totp/${label}?secret=${seed}&issuer=GreenCloud` };
    },
    copyTwoFactorSecret: async (account) => {
      if (account.twoFactorSeed === undefined) {
        throw new AppError({ kind: 'validation', message: 'Start setting up two-factor first.' });
      }
      // The same guard as the API key: the secret leaves the clipboard after a minute.
      return { clearsAt: await account.clipboardGuard.copySecret(account.twoFactorSeed) };
    },
    verifyTwoFactor: async (account, { code }) => {
      await account.client.verifyTwoFactor(code);
      return account.refresh();
    },
    disableTwoFactor: async (account, { code }) => {
      await account.client.disableTwoFactor(code);
      return account.refresh();
    },
  });
}
