// What every API client test needs: a fresh sandbox on a loopback port, a client pointed at it,
// the sandbox's control endpoints, real sign-in tokens, and an AuthProvider whose renewal does a
// real /auth/refresh. A fresh sandbox per test keeps TOTP replay protection and quotas independent.

import { startSandbox } from '../../../../sandbox/server';
import { sandboxAccounts } from '../../../../sandbox/seed-accounts';
import { totpCode, totpStep } from '../../../../sandbox/totp';
import {
  GreenCloudClient,
  type AuthProvider,
  type GreenCloudClientOptions,
} from '../../../../src-main/api/greencloud-client';
import type { TokenResponse } from '../../../../src-main/common/api-schemas';

export { sandboxAccounts };

export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
  at: string | number;
}

export interface OutboxMail {
  to: string;
  kind: string;
  code?: string;
  sentAt: string;
}

export type FaultRequest =
  | { mode: 'latency'; ms: number; count: number; path?: string }
  | { mode: 'status'; status: number; count: number; path?: string }
  | { mode: 'reset' | 'malformed'; count: number; path?: string };

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
  outbox(email: string): Promise<OutboxMail[]>;
  /** A TOTP code for the secret that this sandbox has not accepted yet. */
  totp(secret: string): string;
  close(): Promise<void>;
}

export const userAgent = 'GreenCloudDesktop/0.1.0 (test)';
export const instantSleep = async () => undefined;

export async function openSandbox(): Promise<Sandbox> {
  const server = await startSandbox({ port: 0 });
  const control = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const res = await fetch(`${server.origin}/_sandbox/${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok)
      throw new Error(
        `sandbox control ${method} ${path} failed: ${res.status} ${await res.text()}`,
      );
    const text = await res.text();
    return text ? JSON.parse(text) : undefined;
  };

  const client = (options: Partial<GreenCloudClientOptions> = {}) =>
    new GreenCloudClient({
      baseUrl: server.apiBaseUrl,
      userAgent,
      sleep: instantSleep,
      ...options,
    });

  const totp = new TotpDispenser();
  const requests = async () =>
    ((await control('GET', 'requests')) as LoggedRequest[]).filter(
      (r) => !r.path.startsWith('/_sandbox'),
    );

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
    requests,
    async count(method, path) {
      return (await requests()).filter((r) => r.method === method && r.path === path).length;
    },
    async fault(fault) {
      await control('POST', 'faults', fault);
    },
    async advanceClock(seconds) {
      await control('POST', 'clock', { advanceSeconds: seconds });
    },
    async patchAccount(patch) {
      await control('PATCH', 'account', patch);
    },
    async outbox(email) {
      return (await control('GET', `outbox?email=${encodeURIComponent(email)}`)) as OutboxMail[];
    },
    totp: (secret) => totp.next(secret),
    close: () => server.close(),
  };
}

/**
 * The sandbox accepts a TOTP code for the previous, current or next 30-second step, and never the
 * same step twice per secret: this hands out codes for steps not used yet, current step first.
 */
export class TotpDispenser {
  private readonly used = new Map<string, Set<number>>();

  next(secret: string): string {
    const used = this.used.get(secret) ?? new Set<number>();
    this.used.set(secret, used);
    const now = totpStep(Date.now());
    const step = [now, now + 1, now - 1].find((candidate) => !used.has(candidate));
    if (step === undefined) throw new Error('this test used more than three TOTP codes');
    used.add(step);
    return totpCode(secret, step * 30_000);
  }
}
