// What every sandbox handler answers: a status, an optional JSON body and headers. Errors are
// thrown as SandboxError and always leave as the JSON body `{"error", "message", "field"?}` that
// issue 2 publishes, whatever went wrong.

import type { ServerResponse } from 'node:http';

export interface Reply {
  status: number;
  /** Serialised as JSON; left out for empty answers (204, the 201 of Buy, the 200 of verify2FA). */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface SandboxErrorDetails {
  field?: string;
  headers?: Record<string, string>;
  /** More members of the error body, e.g. the counts of a refused consume. */
  extra?: Record<string, unknown>;
}

export class SandboxError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: SandboxErrorDetails = {},
  ) {
    super(message);
    this.name = 'SandboxError';
  }

  toReply(): Reply {
    const body: Record<string, unknown> = { error: this.code, message: this.message };
    if (this.details.field !== undefined) body.field = this.details.field;
    return {
      status: this.status,
      body: { ...body, ...this.details.extra },
      headers: this.details.headers,
    };
  }
}

export function notFound(message = 'There is nothing at this address.'): SandboxError {
  return new SandboxError(404, 'NOT_FOUND', message);
}

export function sendReply(res: ServerResponse, reply: Reply): void {
  const payload = reply.body === undefined ? '' : JSON.stringify(reply.body);
  const headers: Record<string, string | number> = {
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(payload),
    ...reply.headers,
  };
  if (payload !== '') headers['Content-Type'] = 'application/json; charset=utf-8';
  res.writeHead(reply.status, headers);
  res.end(payload);
}
