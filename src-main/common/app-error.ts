// The one error shape that crosses every boundary: API client → session → bridge → views.
// A kind the code can branch on, and a sentence a person can act on. Never a stack trace.

export const appErrorKinds = [
  'offline',
  'timeout',
  'validation',
  'invalid-credentials',
  'needs-login',
  'twofa-required',
  'twofa-invalid',
  'payment-declined',
  'not-allowed',
  'too-soon',
  'rate-limited',
  'no-quota',
  'server',
  'unexpected-response',
  'busy',
  'keychain',
  'internal',
] as const;

export type AppErrorKind = (typeof appErrorKinds)[number];

/** The plain, serialisable form: what the bridge carries and what views render. */
export interface AppErrorData {
  kind: AppErrorKind;
  message: string;
  /** Dotted field path for validation errors, e.g. `address.city`. */
  field?: string;
  /** When a refused action becomes possible again (epoch ms): too-soon, rate-limited. */
  retryAt?: number;
  /** The server's upper-case code when there was one, e.g. `CARD_CHANGE_TOO_SOON`. */
  code?: string;
  /**
   * Set on 'timeout' and 'offline' failures once the whole request had left this machine: the
   * server may have acted on it though no answer came back. Absent means it never went out.
   * Money calls read this to tell "nothing was charged" from "we do not know yet".
   */
  requestSent?: true;
}

export class AppError extends Error {
  readonly kind: AppErrorKind;
  readonly field?: string;
  readonly retryAt?: number;
  readonly code?: string;
  readonly requestSent?: true;

  constructor(data: AppErrorData) {
    super(data.message);
    this.name = 'AppError';
    this.kind = data.kind;
    this.field = data.field;
    this.retryAt = data.retryAt;
    this.code = data.code;
    this.requestSent = data.requestSent;
  }

  toData(): AppErrorData {
    const data: AppErrorData = { kind: this.kind, message: this.message };
    if (this.field !== undefined) data.field = this.field;
    if (this.retryAt !== undefined) data.retryAt = this.retryAt;
    if (this.code !== undefined) data.code = this.code;
    if (this.requestSent) data.requestSent = true;
    return data;
  }
}

/**
 * Turns anything thrown into an AppErrorData. Unknown errors become a generic sentence: their
 * message may hold internals (paths, tokens in URLs), so it is never shown.
 */
export function toAppErrorData(error: unknown): AppErrorData {
  if (error instanceof AppError) return error.toData();
  return {
    kind: 'internal',
    message: 'Something went wrong inside GreenCloud Desktop. Please try again.',
  };
}

/** What every bridge call resolves to: errors are values, so their kind and field survive IPC. */
export type BridgeResult<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };
