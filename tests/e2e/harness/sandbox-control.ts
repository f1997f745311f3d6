// The sandbox's /_sandbox/ control endpoints, for specs that need to look behind the app:
// the request log, the outbox, faults, quota and the clock.

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
  sentAt: string | number;
}

export class SandboxControl {
  constructor(private readonly origin: string) {}

  requests(): Promise<LoggedRequest[]> {
    return this.call('GET', '/_sandbox/requests');
  }
  async countRequests(method: string, path: string): Promise<number> {
    return (await this.requests()).filter((r) => r.method === method && r.path === path).length;
  }
  outbox(email: string): Promise<OutboxEntry[]> {
    return this.call('GET', `/_sandbox/outbox?email=${encodeURIComponent(email)}`);
  }
  consume(email: string, count: number): Promise<{ quota: number }> {
    return this.call('POST', '/_sandbox/consume', { email, count });
  }
  setAccount(email: string, patch: { quota?: number; cardDeclined?: boolean }): Promise<unknown> {
    return this.call('PATCH', '/_sandbox/account', { email, ...patch });
  }
  fault(fault: {
    mode: 'latency' | 'status' | 'reset' | 'malformed';
    count: number;
    ms?: number;
    status?: number;
    path?: string;
  }): Promise<unknown> {
    return this.call('POST', '/_sandbox/faults', fault);
  }
  advanceClock(seconds: number): Promise<unknown> {
    return this.call('POST', '/_sandbox/clock', { advanceSeconds: seconds });
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.origin}${path}`, {
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
