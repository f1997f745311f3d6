// Turns a GreenCloud error reply into the one AppError: a kind to branch on and a sentence of our
// own. Error bodies are undocumented, so a JSON `{error, message, field}`, a plain-text body and an
// empty one are all understood; raw JSON, HTML or stack traces never reach the user.

import { AppError, type AppErrorKind } from '../common/app-error';
import { errorBody, readReply } from '../common/api-schemas';
import type { HttpResponse } from './http-transport';
import { describeWait, retryAtFrom } from './retry-after';
import { readValidatorFailure } from './validator-message';
import { redirectSentence, wrongServerSentence, isWebPage } from './wrong-server';

export interface ErrorContext {
  /** The server's host, for sentences such as "Could not reach ...". */
  host: string;
  now: number;
  /**
   * What a 401 means on this call. At sign-in it is wrong details; on an authenticated call it
   * is reached only after the one renewal and retry, so the session has ended.
   */
  unauthorized: 'invalid-credentials' | 'needs-login';
  /** The sentence for wrong sign-in details, which differs between password and API key. */
  credentialsSentence?: string;
  /** The request field holding the 2FA code: `twofa` at sign-in and for passwords, `code` for 2FA set-up. */
  twofaField?: string;
  /** Values from the request (passwords, codes, tokens): a server message echoing one is not shown. */
  secrets: readonly string[];
  /** Sign-in: a 404 that is not a web page means "no such account", i.e. wrong details. */
  notFoundMeansWrongDetails?: boolean;
}

interface ServerError {
  code?: string;
  message?: string;
  field?: string;
}

export const sessionEndedSentence = 'Your session has ended. Please sign in again.';

const twofaNeededSentence = 'Enter the 6-digit code from your authenticator app.';

/**
 * An expired or revoked access token. GreenCloud's guide names the code NEEDS_LOGIN without a
 * status; servers send it with 401 or 403, and a bare 401 means the same.
 */
export function isExpiredTokenReply(response: HttpResponse): boolean {
  if (response.status === 401) return true;
  return response.status === 403 && readErrorBody(response.text).code === 'NEEDS_LOGIN';
}

export function errorFromResponse(response: HttpResponse, context: ErrorContext): AppError {
  const server = readErrorBody(response.text);
  const shown = plainSentence(server.message, context.secrets);
  const make = (
    kind: AppErrorKind,
    message: string,
    extra: { field?: string; retryAt?: number } = {},
  ) => new AppError({ kind, message, code: server.code, ...extra });

  if (response.status >= 300 && response.status <= 399) {
    return make('unexpected-response', redirectSentence(response, context.host));
  }
  // Raw validator text, whatever the status (Go handlers answer it with 400, 401 or 403 alike).
  const failure = readValidatorFailure(response.text);
  if (failure) {
    if (failure.field === 'twofa' && failure.tag === 'required' && context.twofaField === 'twofa')
      return make('twofa-required', twofaNeededSentence, { field: 'twofa' });
    return make('validation', failure.sentence, { field: failure.field });
  }

  switch (server.code) {
    case 'VALIDATION_FAILED':
      return validationError(server.field, shown, make);
    case 'NEEDS_LOGIN':
      return make('needs-login', sessionEndedSentence);
    case 'INVALID_CREDENTIALS':
      return make('invalid-credentials', context.credentialsSentence ?? defaultCredentialsSentence);
    case 'TWOFA_REQUIRED':
    case 'NEEDS_2FA':
      return make('twofa-required', twofaNeededSentence, {
        field: context.twofaField ?? server.field,
      });
    case 'INVALID_TWOFA':
      return make(
        'twofa-invalid',
        'That two-factor code was not accepted. Wait for the next code in your authenticator app and try again.',
        { field: context.twofaField ?? server.field },
      );
    case 'PAYMENT_DECLINED':
      return make(
        'payment-declined',
        'Your card was declined and nothing was charged. Try another card.',
      );
    case 'CARD_CHANGE_NOT_ALLOWED':
      return make(
        'not-allowed',
        'The card cannot be changed while bundle auto-renewal is on. Turn auto-renewal off, then change the card.',
      );
    case 'CARD_CHANGE_TOO_SOON': {
      const retryAt = retryAtFrom(response.headers['retry-after'], context.now);
      const when = retryAt === undefined ? 'later' : describeWait(retryAt, context.now);
      return make(
        'too-soon',
        `The card can be changed once every 24 hours. You can change it again ${when}.`,
        {
          retryAt,
        },
      );
    }
    case 'NO_QUOTA_AVAILABLE':
      return make(
        'no-quota',
        'Your bundle has no invocations left. Buy a refill or choose a bigger bundle.',
      );
    case 'NEEDS_UPGRADE':
      return make('not-allowed', 'This needs a bigger bundle. Change your bundle and try again.');
  }
  return errorFromStatus(response, context, server, shown, make);
}

type Make = (
  kind: AppErrorKind,
  message: string,
  extra?: { field?: string; retryAt?: number },
) => AppError;

const defaultCredentialsSentence =
  'Those sign-in details are not correct. Check them and try again.';

// No code we know: decide by the status alone.
function errorFromStatus(
  response: HttpResponse,
  context: ErrorContext,
  server: ServerError,
  shown: string | undefined,
  make: Make,
): AppError {
  const { status } = response;
  if ((status === 400 || status === 422) && !isWebPage(response))
    return validationError(server.field, shown, make);
  if (status === 401) {
    return context.unauthorized === 'needs-login'
      ? make('needs-login', sessionEndedSentence)
      : make('invalid-credentials', context.credentialsSentence ?? defaultCredentialsSentence);
  }
  if (status === 402)
    return make('payment-declined', 'The payment did not go through. Try another card.');
  if (status === 403)
    return make('not-allowed', shown ?? 'GreenCloud does not allow this for your account.');
  if (status === 408) {
    return make(
      'timeout',
      `${context.host} did not answer in time. Check your connection and try again.`,
    );
  }
  if (status === 409) {
    return make(
      'busy',
      'GreenCloud is still working on an earlier change. Wait a moment and try again.',
    );
  }
  if (status === 429) {
    const retryAt = retryAtFrom(response.headers['retry-after'], context.now);
    const when = retryAt === undefined ? 'in a minute' : describeWait(retryAt, context.now);
    return make('rate-limited', `Too many requests in a short time. Try again ${when}.`, {
      retryAt,
    });
  }
  if (status >= 500 && status <= 599) {
    return make(
      'server',
      `GreenCloud's server had a problem (HTTP ${status}). Try again in a few minutes.`,
    );
  }
  if (isWebPage(response)) {
    return make('unexpected-response', wrongServerSentence(context.host, status));
  }
  if (status === 404 && context.notFoundMeansWrongDetails) {
    return make('invalid-credentials', context.credentialsSentence ?? defaultCredentialsSentence);
  }
  if (status === 404 || status === 405) {
    return make(
      'unexpected-response',
      `The server at ${context.host} does not know this request (HTTP ${status}). Check the server address in Settings.`,
    );
  }
  return make(
    'unexpected-response',
    `The server at ${context.host} answered in a way GreenCloud Desktop does not understand (HTTP ${status}).`,
  );
}

function validationError(
  field: string | undefined,
  shown: string | undefined,
  make: Make,
): AppError {
  const fallback = field
    ? `GreenCloud did not accept the ${fieldWords(field)}. Check it and try again.`
    : 'GreenCloud did not accept these details. Check them and try again.';
  return make('validation', shown ?? fallback, { field });
}

/** `address.postCode` → "post code". */
function fieldWords(field: string): string {
  const last = field.split('.').pop() ?? field;
  return last.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** JSON `{error|code, message, field}`, a bare upper-case code, a plain sentence, or nothing. */
export function readErrorBody(text: string): ServerError {
  const trimmed = text.trim();
  if (trimmed === '') return {};
  if (trimmed.startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch {
      return {};
    }
    const parsed = readReply(errorBody, json);
    if (!parsed.success) return {};
    // Some GreenCloud tools name the code `code` rather than `error`: accept either.
    const alias = (json as { code?: unknown }).code;
    const code = parsed.data.error ?? (typeof alias === 'string' ? alias : undefined);
    return {
      code: isCode(code) ? code : undefined,
      message: parsed.data.message,
      field: parsed.data.field,
    };
  }
  if (isCode(trimmed)) return { code: trimmed };
  return { message: trimmed };
}

function isCode(value: string | undefined): value is string {
  return value !== undefined && /^[A-Z][A-Z0-9_]{1,63}$/.test(value);
}

/**
 * The server's message, when it is one short plain sentence we can show as is: no markup, JSON,
 * stack frames or line breaks, and none of the request's secrets echoed back.
 */
function plainSentence(
  message: string | undefined,
  secrets: readonly string[],
): string | undefined {
  const text = message?.trim();
  if (!text || text.length > 200) return undefined;
  if (!/^[A-Z]/.test(text) || /[{}[\]<>`\\\n\r\t]/.test(text)) return undefined;
  if (/\bat .+:\d+/.test(text) || /^\w*Error:/.test(text)) return undefined;
  if (secrets.some((secret) => secret.length > 0 && text.includes(secret))) return undefined;
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
