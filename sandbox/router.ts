// A tiny route table: `METHOD /path/:param` patterns matched against a request path. Used by the
// API routes and the control routes alike; a path that exists under another method answers 405.

import type { IncomingHttpHeaders } from 'node:http';
import { SandboxError, notFound, type Reply } from './http-reply';

export interface RequestContext {
  method: string;
  /** The path inside the route table's prefix, without a trailing slash or query string. */
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body; undefined when the request had none. */
  body: unknown;
}

export interface Route {
  method: string;
  pattern: string;
  handle: (ctx: RequestContext) => Reply | Promise<Reply>;
}

/** A path without its trailing slash: the docs spell Change Card `/user/card/`, clients may not. */
export function normalisePath(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

export function route(method: string, pattern: string, handle: Route['handle']): Route {
  return { method, pattern, handle };
}

function matchPattern(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const part = want[i]!;
    const value = got[i]!;
    if (part.startsWith(':')) {
      if (value === '') return undefined;
      params[part.slice(1)] = safeDecode(value);
    } else if (part !== value) {
      return undefined;
    }
  }
  return params;
}

// A malformed escape (`%E0%A4%A`) must not throw: the raw text is then the value, which simply
// matches nothing.
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The route for a request, or the 404/405 SandboxError to answer instead. */
export function findRoute(
  routes: readonly Route[],
  method: string,
  path: string,
): { route: Route; params: Record<string, string> } {
  const allowed: string[] = [];
  for (const candidate of routes) {
    const params = matchPattern(candidate.pattern, path);
    if (!params) continue;
    if (candidate.method === method) return { route: candidate, params };
    allowed.push(candidate.method);
  }
  if (allowed.length > 0) {
    throw new SandboxError(
      405,
      'METHOD_NOT_ALLOWED',
      `This address does not accept ${method}; it accepts ${allowed.join(', ')}.`,
      {
        headers: { Allow: allowed.join(', ') },
      },
    );
  }
  throw notFound();
}
