// What every API client test needs: a fresh sandbox on a loopback port, a client pointed at it,
// the sandbox's control endpoints, real sign-in tokens, and an AuthProvider whose renewal does a
// real /auth/refresh. A fresh sandbox per test keeps TOTP replay protection and quotas independent.

import { afterEach, beforeEach } from 'vitest';
import { startSandbox } from '../../../../sandbox/server';
import { sandboxAccounts } from '../../../../sandbox/seed-accounts';
import {
  GreenCloudClient,
  type AuthProvider,
  type GreenCloudClientOptions,
} from '../../../../src-main/api/greencloud-client';
import type { TokenResponse } from '../../../../src-main/common/api-schemas';
import {
  SandboxControl,
  type FaultRequest,
  type LoggedRequest,
  type OutboxEntry,
} from '../../../helpers/sandbox-control';
import { TotpDispenser } from '../../../helpers/totp-dispenser';

export { sandboxAccounts };

export type { FaultRequest, LoggedRequest };

/** An AuthProvider holding real tokens; `renewAccessToken` refreshes against the sandbox. */
export class SandboxAuth implements AuthProvider {
  renewals = 0;
  constructor(
    private readonly client: GreenCloudClient,
    public access: string | undefined,
    public refreshToken: string | undefined,
  ) {}

  async accessToken(): Promise<string | undefined> {
    return this.access;
  }

  async renewAccessToken(): Promise<string> {
    this.renewals += 1;
    if (!this.refreshToken) throw new Error('no refresh token in this test');
    const tokens = await this.client.refresh(this.refreshToken);
    this.access = tokens.accessToken;
    this.refreshToken = tokens.refreshToken;
    return tokens.accessToken;
  }
}

export interface Sandbox {
  apiBaseUrl: string;
  origin: string;
  /** A client for the sandbox without auth (sign-in calls), tests' sleep made instant. */
  client(options?: Partial<GreenCloudClientOptions>): GreenCloudClient;
  /** Signs in for real and returns a client whose AuthProvider holds the tokens. */
  signedIn(
    who: 'demo' | 'twofa',
    options?: Partial<GreenCloudClientOptions>,
  ): Promise<{ client: GreenCloudClient; auth: SandboxAuth; tokens: TokenResponse }>;
  /** The API requests the sandbox saw (its /_sandbox control calls excluded). */
  requests(): Promise<LoggedRequest[]>;
  count(method: string, path: string): Promise<number>;
  fault(fault: FaultRequest): Promise<void>;
  advanceClock(seconds: number): Promise<void>;
  patchAccount(patch: { email: string; quota?: number; cardDeclined?: boolean }): Promise<void>;
  outbox(email: string): Promise<OutboxEntry[]>;
  /** A TOTP code for the secret that this sandbox has not accepted yet. */
  totp(secret: string): string;
  close(): Promise<void>;
}

export const userAgent = 'GreenCloudDesktop/0.1.0 (test)';
export const instantSleep = async () => undefined;

export async function openSandbox(): Promise<Sandbox> {
  const server = await startSandbox({ port: 0 });
  const control = new SandboxControl(server.origin);

  const client = (options: Partial<GreenCloudClientOptions> = {}) =>
    new GreenCloudClient({
      baseUrl: server.apiBaseUrl,
      userAgent,
      sleep: instantSleep,
      ...options,
    });

  const totp = new TotpDispenser();

  return {
    apiBaseUrl: server.apiBaseUrl,
    origin: server.origin,
    client,
    async signedIn(who, options = {}) {
      const account = sandboxAccounts[who];
      const plain = client();
      const tokens = await plain.login({
        email: account.email,
        password: account.password,
        ...('totpSecret' in account ? { twofa: totp.next(account.totpSecret) } : {}),
      });
      const auth = new SandboxAuth(plain, tokens.accessToken, tokens.refreshToken);
      return { client: client({ auth, ...options }), auth, tokens };
    },
    requests: () => control.requests(),
    count: (method, path) => control.countRequests(method, path),
    fault: (fault) => control.fault(fault),
    advanceClock: (seconds) => control.advanceClock(seconds),
    patchAccount: ({ email, ...patch }) => control.setAccount(email, patch),
    outbox: (email) => control.outbox(email),
    totp: (secret) => totp.next(secret),
    close: () => server.close(),
  };
}

/**
 * A fresh sandbox for every test in the calling file (tokens, TOTP steps and quotas never carry
 * over), behind one stable object: the file keeps writing `sandbox.client()`, and each test reaches
 * its own sandbox.
 */
export function freshSandboxPerTest(): Sandbox {
  let current: Sandbox | undefined;
  beforeEach(async () => {
    current = await openSandbox();
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  const live = (): Sandbox => {
    if (!current) throw new Error('The sandbox exists only inside a test.');
    return current;
  };
  return new Proxy({} as Sandbox, { get: (_target, key) => Reflect.get(live(), key) });
}
