// Signing in and out, switching accounts, and the password-reset calls that work signed out.

import { endpointFromSettings } from '../../settings/endpoints';
import type { AreaHandlers } from '../handler-registry';
import type { CoreContext } from './core-context';

export function sessionHandlers(context: CoreContext): AreaHandlers<'session'> {
  const { directory, sessions, settings, sandbox } = context;
  const signInEndpoint = () => endpointFromSettings(settings.get());
  // The current account's server once someone is signed in (a reset link opened from inside), the
  // chosen one on the sign-in screen.
  const resetEndpoint = () => directory.current()?.session.endpoint ?? signInEndpoint();

  return {
    getSessionState: async () => directory.state(),
    // The window's first call: the session and the shown account's data in one answer, both
    // read from what main holds (no fetch waits here). The account is the one the state names.
    getStartState: async () => {
      const session = directory.state();
      const shown = session.status === 'signed-in' ? directory.get(session.accountId) : undefined;
      return {
        session,
        account: shown?.cachedSnapshot() ?? null,
        quota: shown?.quotaStatus() ?? null,
      };
    },
    // Signing in to an account that is already signed in switches to it: the manager hands back
    // the same session, and no second copy is made.
    signIn: async (request) =>
      directory.show((await sessions.signIn(signInEndpoint(), request)).id),
    signInWithApiKey: async ({ key }) =>
      directory.show((await sessions.signInWithApiKey(signInEndpoint(), key)).id),
    trySandbox: async () => {
      const running = await sandbox.ensure();
      const endpoint = { kind: 'sandbox' as const, baseUrl: running.apiBaseUrl };
      return directory.show((await sessions.signIn(endpoint, running.demoAccount)).id);
    },
    switchAccount: async ({ accountId }) => directory.show(accountId),
    signOut: ({ accountId }) => directory.signOut(accountId),
    signOutAll: () => directory.signOutAll(),
    requestPasswordReset: async ({ email }) =>
      sessions.unauthenticatedClient(resetEndpoint()).requestPasswordReset(email),
    setPasswordWithCode: async (request) =>
      sessions.unauthenticatedClient(resetEndpoint()).setPasswordWithCode(request),
  };
}
