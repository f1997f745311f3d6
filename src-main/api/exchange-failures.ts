// What both exchanges (node-exchange.ts, kept-alive-read.ts) say when one fails: sentences that
// name the server's host and nothing else (never the URL's path, query or credentials), and the
// rule for a kept-alive socket that turned out to be closed.

import { AppError } from '../common/app-error';
import { certificateRefusedSentence } from '../network/tls-failure';

/** Replies larger than this are not GreenCloud's: stop reading rather than fill memory. */
export const maxResponseBytes = 2 * 1024 * 1024;

// Codes Node reports when the server cannot be reached at all or the connection drops.
const offlineCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENETRESET',
  'EPIPE',
  'EADDRNOTAVAIL',
]);

// A kept-alive socket the server closed while it sat idle fails the next request like this,
// before any byte of a reply: the request never reached the server's handler.
const staleSocketCodes = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);

/** A failure on a reused socket before any reply: the caller may send a read once more. */
export class StaleSocket extends Error {
  constructor(readonly appError: AppError) {
    super(appError.message);
  }
}

/** True when `error` (already in Node's codes) is how a closed kept-alive socket fails. */
export function isStaleSocketFailure(error: NodeJS.ErrnoException): boolean {
  return staleSocketCodes.has(error.code ?? '') || error.message === 'socket hang up';
}

/** After the whole request reached the socket, a failure may come after the server acted on it. */
export function markSent(error: AppError, sent: boolean): AppError {
  return sent ? new AppError({ ...error.toData(), requestSent: true }) : error;
}

export function timedOut(host: string): AppError {
  return new AppError({
    kind: 'timeout',
    message: `${host} did not answer in time. Check your connection and try again.`,
  });
}

export function replyTooLarge(host: string): AppError {
  return new AppError({
    kind: 'unexpected-response',
    message: `${host} sent a reply far larger than GreenCloud's. Check the server address in Settings.`,
  });
}

/** A reply's bytes as text. A GreenCloud reply is one chunk: decoded as it is, not copied first. */
export function replyText(chunks: readonly Buffer[], size: number): string {
  return (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size)).toString('utf8');
}

export function networkError(
  error: NodeJS.ErrnoException,
  host: string,
  via: string | undefined,
): AppError {
  const code = error.code ?? '';
  const certificate = certificateRefusedSentence(code, host);
  if (certificate) return new AppError({ kind: 'unexpected-response', message: certificate });
  if (code === 'ETIMEDOUT') return timedOut(host);
  if (
    via !== undefined &&
    (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN')
  ) {
    return new AppError({
      kind: 'offline',
      message: `Could not reach the proxy ${via}. Check the proxy in Settings → Network or your system's network settings.`,
    });
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_FAIL') {
    return new AppError({
      kind: 'offline',
      message: `Could not find the server ${host}. Check your internet connection and the server address.`,
    });
  }
  if (offlineCodes.has(code) || error.message === 'socket hang up') {
    return new AppError({
      kind: 'offline',
      message: `Could not reach ${host}. Check your internet connection and try again.`,
    });
  }
  // Other TLS and socket failures: still "cannot talk to the server", said without internals.
  return new AppError({
    kind: 'offline',
    message: `The connection to ${host} failed. Check your connection and the server address.`,
  });
}
