// The sandbox as the app embeds it for "Try the sandbox": a random loopback port each run, signed in
// as the seeded demo account, and no control routes: a web page in the user's browser could call
// them (the standalone `npm run sandbox` keeps them for scripts and tests).

import { sandboxAccounts } from './seed-accounts';
import { startSandbox, type RunningSandbox } from './server';

export type RunningEmbeddedSandbox = RunningSandbox & {
  demoAccount: { email: string; password: string };
};

export async function startEmbeddedSandbox(): Promise<RunningEmbeddedSandbox> {
  return {
    ...(await startSandbox({ port: 0, controlRoutes: false })),
    demoAccount: sandboxAccounts.demo,
  };
}
