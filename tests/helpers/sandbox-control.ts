// The sandbox's /_sandbox/ control endpoints, for tests that need to look behind the app or move
// the sandbox's world: the request log, the outbox, faults, quota, card state and the clock.
// One client for every suite (API client, session, quota watcher, end to end).

export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
  at: string | number;
}

export interface OutboxEntry {
  to: string;
  kind: string;
  code?: string;
  sentAt: string;
}

export type FaultRequest =
  | { mode: 'latency'; ms: number; count: number; path?: string }
  | { mode: 'status'; status: number; count: number; path?: string }
  | { mode: 'reset' | 'malformed'; count: number; path?: string };

export class SandboxControl {
  constructor(private readonly origin: string) {}

  /** The API requests the sandbox saw, oldest first (control calls are not logged). */
  requests(): Promise<LoggedRequest[]> {
    return this.call('GET', 'requests');
  }

  async countRequests(method: string, path: string): Promise<number> {
    return (await this.requests()).filter((r) => r.method === method && r.path === path).length;
  }

  outbox(email: string): Promise<OutboxEntry[]> {
    return this.call('GET', `outbox?email=${encodeURIComponent(email)}`);
  }

  /** Simulated invocations under the server's own rules; a 402 (ran out) carries the same figures. */
  consume(email: string, count: number): Promise<{ quota: number }> {
    return this.call('POST', 'consume', { email, count });
  }

  /** Sets state directly, without notices or renewals. */
  async setAccount(
    email: string,
    patch: { quota?: number; cardDeclined?: boolean },
  ): Promise<void> {
    await this.call('PATCH', 'account', { email, ...patch });
  }

  async fault(fault: FaultRequest): Promise<void> {
    await this.call('POST', 'faults', fault);
  }

  async advanceClock(seconds: number): Promise<void> {
    await this.call('POST', 'clock', { advanceSeconds: seconds });
  }

  /** Back to the seeded state: every token issued so far stops working. */
  async reset(): Promise<void> {
    await this.call('POST', 'reset');
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.origin}/_sandbox/${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok && response.status !== 402) {
      throw new Error(`Sandbox control ${method} ${path} answered ${response.status}: ${text}`);
    }
    return (text ? JSON.parse(text) : undefined) as T;
  }
}
