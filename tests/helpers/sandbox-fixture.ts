// One sandbox per test file, on a random loopback port, reset to its seeded state before every
// test, with small helpers for talking to it over real HTTP. Set Password's GET-with-a-body goes
// through node:http because fetch refuses a body on a GET.

import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { sandboxAccounts } from '../../sandbox/seed-accounts';
import { startSandbox, type RunningSandbox } from '../../sandbox/server';
import { totpCode } from '../../sandbox/totp';

export interface HttpResult {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** The parsed JSON body; undefined when the body is empty or not JSON. Typed loosely on purpose:
   *  tests read fields directly and check shapes with the app's zod schemas where shape matters. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

export interface CallOptions {
  body?: unknown;
  /** Sent as `Authorization: Bearer <token>` unless `bareToken` is set. */
  token?: string;
  bareToken?: boolean;
  headers?: Record<string, string>;
}

function parse(text: string): unknown {
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function viaFetch(url: string, method: string, options: CallOptions): Promise<HttpResult> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] ??= 'application/json';
  if (options.token !== undefined) {
    headers.Authorization = options.bareToken ? options.token : `Bearer ${options.token}`;
  }
  const response = await fetch(url, {
    method,
    headers,
    body:
      options.body === undefined
        ? undefined
        : typeof options.body === 'string'
          ? options.body
          : JSON.stringify(options.body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers),
    text,
    json: parse(text),
  };
}

/** Any method with a JSON body over node:http: the only way to send Set Password's GET body. */
export function rawRequest(
  url: string,
  method: string,
  body: string | undefined,
  headers: Record<string, string> = {},
): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method,
        headers: {
          ...(body === undefined
            ? {}
            : { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) }),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const flat: Record<string, string> = {};
          for (const [key, value] of Object.entries(res.headers)) flat[key] = String(value);
          resolve({ status: res.statusCode ?? 0, headers: flat, text, json: parse(text) });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Codes for a TOTP secret at the previous, current and next 30-second step. Waits first when the
 * current step is about to end, so the sandbox (checking a moment later) sees the same step.
 */
export async function totpCodes(
  secret: string,
): Promise<{ previous: string; current: string; next: string; stale: string }> {
  const intoStep = Date.now() % 30_000;
  if (intoStep > 27_000) await new Promise((r) => setTimeout(r, 30_000 - intoStep + 200));
  const now = Date.now();
  return {
    previous: totpCode(secret, now - 30_000),
    current: totpCode(secret, now),
    next: totpCode(secret, now + 30_000),
    // Two steps back: outside the one-step drift window.
    stale: totpCode(secret, now - 60_000),
  };
}

export interface SandboxFixture {
  readonly sandbox: RunningSandbox;
  api(method: string, path: string, options?: CallOptions): Promise<HttpResult>;
  control(method: string, path: string, body?: unknown): Promise<HttpResult>;
  /** A JSON body on any method (GET included) via node:http; path under /v1. */
  apiWithBody(method: string, path: string, body: unknown): Promise<HttpResult>;
  /** Signs in and returns the access token. The twofa account uses the current TOTP code. */
  signIn(who?: 'demo' | 'twofa'): Promise<string>;
  advanceClock(seconds: number): Promise<void>;
  outbox(
    email: string,
  ): Promise<Array<{ to: string; kind: string; code?: string; sentAt: string }>>;
}

export const demo = sandboxAccounts.demo;
export const twofa = sandboxAccounts.twofa;

export function useSandbox(): SandboxFixture {
  let running: RunningSandbox | undefined;
  const sandbox = () => {
    if (!running) throw new Error('The sandbox is not running: use the fixture inside tests.');
    return running;
  };

  beforeAll(async () => {
    running = await startSandbox({ port: 0 });
  });
  afterAll(async () => {
    await running?.close();
  });
  beforeEach(async () => {
    const reset = await fetch(`${sandbox().origin}/_sandbox/reset`, { method: 'POST' });
    if (reset.status !== 204) throw new Error(`Sandbox reset answered ${reset.status}.`);
  });

  const fixture: SandboxFixture = {
    get sandbox() {
      return sandbox();
    },
    api: (method, path, options = {}) =>
      viaFetch(`${sandbox().apiBaseUrl}${path}`, method, options),
    control: (method, path, body) =>
      viaFetch(`${sandbox().origin}/_sandbox${path}`, method, { body }),
    apiWithBody: (method, path, body) =>
      rawRequest(`${sandbox().apiBaseUrl}${path}`, method, JSON.stringify(body)),
    async signIn(who = 'demo') {
      const account = sandboxAccounts[who];
      const body: Record<string, string> = { email: account.email, password: account.password };
      if (who === 'twofa') body.twofa = (await totpCodes(sandboxAccounts.twofa.totpSecret)).current;
      const result = await fixture.api('POST', '/auth/login', { body });
      if (result.status !== 200)
        throw new Error(`Sign-in as ${who} answered ${result.status}: ${result.text}`);
      return result.json.accessToken as string;
    },
    async advanceClock(seconds) {
      const result = await fixture.control('POST', '/clock', { advanceSeconds: seconds });
      if (result.status !== 200) throw new Error(`Clock answered ${result.status}: ${result.text}`);
    },
    async outbox(email) {
      return (await fixture.control('GET', `/outbox?email=${encodeURIComponent(email)}`)).json;
    },
  };
  return fixture;
}
