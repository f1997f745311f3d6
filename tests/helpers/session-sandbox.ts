// The sandbox as the session tests use it: a fresh server, a client factory pointed at it, and its
// /_sandbox/ controls (clock, request log, faults) over real HTTP.

import { GreenCloudClient, type AuthProvider } from '../../src-main/api/greencloud-client';
import type { Endpoint } from '../../src-main/common/bridge-contract';
import { startSandbox } from '../../sandbox/server';

export interface SessionSandbox {
  origin: string;
  endpoint: Endpoint;
  createClient: (baseUrl: string, auth?: AuthProvider) => GreenCloudClient;
  /** Moves the sandbox's clock: tokens issued before expire on its side only. */
  advanceClock(seconds: number): Promise<void>;
  /** How many requests have been made to an API path, e.g. `/v1/auth/refresh`. */
  requestCount(path: string, method?: string): Promise<number>;
  requests(): Promise<{ method: string; path: string; status: number }[]>;
  fault(body: {
    mode: 'status' | 'latency' | 'reset';
    status?: number;
    ms?: number;
    count: number;
    path?: string;
  }): Promise<void>;
  close(): Promise<void>;
}

export async function startSessionSandbox(): Promise<SessionSandbox> {
  const sandbox = await startSandbox({ port: 0 });
  const control = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${sandbox.origin}/_sandbox/${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`sandbox control ${path} answered ${response.status}`);
    return response.status === 204 ? undefined : ((await response.json()) as unknown);
  };
  const requests = async () =>
    (await control('GET', 'requests')) as { method: string; path: string; status: number }[];
  return {
    origin: sandbox.origin,
    endpoint: { kind: 'sandbox', baseUrl: sandbox.apiBaseUrl },
    // No read retries: a test counts every request the session causes.
    createClient: (baseUrl, auth) =>
      new GreenCloudClient({ baseUrl, userAgent: 'GreenCloudDesktop/test', auth, readRetries: 0 }),
    advanceClock: async (seconds) =>
      void (await control('POST', 'clock', { advanceSeconds: seconds })),
    requests,
    requestCount: async (path, method = 'POST') =>
      (await requests()).filter((r) => r.path === path && r.method === method).length,
    fault: async (body) => void (await control('POST', 'faults', body)),
    close: () => sandbox.close(),
  };
}
