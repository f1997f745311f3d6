// The request log behind GET /_sandbox/requests: method, path, status and time only. No bodies,
// headers or query strings are kept, so no password, code or token can leak through it.

export interface LoggedRequest {
  method: string;
  path: string;
  /** 0 when the connection was cut on purpose (the "reset" fault). */
  status: number;
  /** ISO 8601, sandbox clock. */
  at: string;
}

// The embedded sandbox may run for as long as the app does: keep the newest entries only.
const maxEntries = 2000;
const maxPathLength = 300;

export class RequestLog {
  private readonly entries: LoggedRequest[] = [];

  add(method: string, path: string, status: number, now: number): void {
    this.entries.push({
      method,
      path: path.slice(0, maxPathLength),
      status,
      at: new Date(now).toISOString(),
    });
    if (this.entries.length > maxEntries) this.entries.shift();
  }

  /** Oldest first, the order they arrived in. */
  list(): LoggedRequest[] {
    return [...this.entries];
  }
}
