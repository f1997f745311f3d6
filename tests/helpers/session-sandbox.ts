// The sandbox as the session tests use it: a fresh server, a client factory pointed at it, and its
// /_sandbox/ controls (clock, request log, faults) over real HTTP.

import { GreenCloudClient, type AuthProvider } from '../../src-main/api/greencloud-client';
import type { Endpoint } from '../../src-main/common/bridge-contract';
import { sandboxAccounts } from '../../sandbox/seed-accounts';
import { startSandbox } from '../../sandbox/server';
import { totpCode } from '../../sandbox/totp';
import type { AccountSession } from '../../src-main/session/account-session';
import type { SessionManager } from '../../src-main/session/session-manager';
import { SandboxControl, type FaultRequest, type LoggedRequest } from './sandbox-control';

export interface SessionSandbox {
  origin: string;
  endpoint: Endpoint;
  /** The same server as the app's embedded sandbox sees it. */
  embeddedEndpoint: Endpoint;
  createClient: (baseUrl: string, auth?: AuthProvider) => GreenCloudClient;
  /** Moves the sandbox's clock: tokens issued before expire on its side only. */
  advanceClock(seconds: number): Promise<void>;
  /** How many requests have been made to an API path, e.g. `/v1/auth/refresh`. */
  requestCount(path: string, method?: string): Promise<number>;
  requests(): Promise<LoggedRequest[]>;
  fault(body: FaultRequest): Promise<void>;
  close(): Promise<void>;
}

export async function startSessionSandbox(): Promise<SessionSandbox> {
  const sandbox = await startSandbox({ port: 0 });
  const control = new SandboxControl(sandbox.origin);
  return {
    origin: sandbox.origin,
    // A standalone sandbox reached as a custom server (as the README's Custom URL does): its
    // tokens go to the keychain. The app's embedded sandbox (kind 'sandbox') never does.
    endpoint: { kind: 'custom', baseUrl: sandbox.apiBaseUrl },
    embeddedEndpoint: { kind: 'sandbox', baseUrl: sandbox.apiBaseUrl },
    // No read retries: a test counts every request the session causes.
    createClient: (baseUrl, auth) =>
      new GreenCloudClient({ baseUrl, userAgent: 'GreenCloudDesktop/test', auth, readRetries: 0 }),
    advanceClock: (seconds) => control.advanceClock(seconds),
    requests: () => control.requests(),
    requestCount: (path, method = 'POST') => control.countRequests(method, path),
    fault: (body) => control.fault(body),
    close: () => sandbox.close(),
  };
}

/** The demo account, then the 2FA one with a real TOTP code, signed in side by side. */
export async function signInBothSeeded(
  manager: SessionManager,
  endpoint: Endpoint,
): Promise<[AccountSession, AccountSession]> {
  const { demo, twofa } = sandboxAccounts;
  const first = await manager.signIn(endpoint, { email: demo.email, password: demo.password });
  const second = await manager.signIn(endpoint, {
    email: twofa.email,
    password: twofa.password,
    twofa: totpCode(twofa.totpSecret, Date.now()),
  });
  return [first, second];
}
