// A stand-in for a GreenCloud that reads the docs differently from our sandbox, choice by choice:
// Go's `null` for empty values, another Authorization scheme, other codes and statuses for the
// same meaning. It issues and renews tokens for real, so the client's recovery paths run end to
// end; each test sets only the choices it is about.

import {
  json,
  startStandInServer,
  type ReceivedRequest,
  type ScriptedReply,
} from './scripted-server';

export interface GoServerChoices {
  /** Which Authorization header value it accepts. */
  authScheme: 'bare' | 'bearer';
  /** The body of GET /user. */
  account: unknown;
  /** The body of GET /invoice/list. */
  invoices: unknown;
  /** The reply to a sign-in without `twofa` (undefined: 2FA is off). */
  twofaNeeded?: ScriptedReply;
  /** The reply for an expired or unknown access token. */
  expired: ScriptedReply;
  /** The reply to a refresh with a spent token. */
  refreshRefused: ScriptedReply;
  /** The reply for an email it does not know. */
  unknownEmail: ScriptedReply;
  /** The status of calls documented as 204 (older docs: 200). */
  emptySuccess: number;
}

export const goDefaults: GoServerChoices = {
  authScheme: 'bare',
  account: {
    id: 'u1',
    email: 'go@greencloud.test',
    name: 'Go',
    surname: null,
    address: null,
    twofa: false,
    apiKey: null,
    bundle: { name: 'DEVELOPER', quota: 4200, price: null },
    flags: null,
  },
  invoices: null,
  expired: json(401, { error: 'NEEDS_LOGIN' }),
  refreshRefused: json(401, { error: 'NEEDS_LOGIN' }),
  unknownEmail: json(404, { error: 'user not found' }),
  emptySuccess: 204,
};

export const goEmail = 'go@greencloud.test';
export const goPassword = 'Demo123!';

export interface GoStyleServer {
  baseUrl: string;
  received: ReceivedRequest[];
  choices: GoServerChoices;
  /** Every access token issued so far stops working, as at expiry. */
  expireAccessTokens(): void;
  /** Every refresh token issued so far is spent. */
  spendRefreshTokens(): void;
  /** `METHOD /path status` lines, sign-in and refresh included. */
  log(): string[];
  close(): Promise<void>;
}

export async function startGoStyleServer(
  choices: Partial<GoServerChoices> = {},
): Promise<GoStyleServer> {
  const chosen: GoServerChoices = { ...goDefaults, ...choices };
  let serial = 0;
  const validAccess = new Set<string>();
  const validRefresh = new Set<string>();
  const lines: string[] = [];

  const issue = (): ScriptedReply => {
    serial += 1;
    const accessToken = `acc-${serial}`;
    const refreshToken = `ref-${serial}`;
    validAccess.add(accessToken);
    validRefresh.add(refreshToken);
    return json(200, { expiresIn: 3590, accessToken, refreshToken });
  };

  const tokenOf = (header: string | undefined): string | undefined => {
    if (header === undefined) return undefined;
    if (chosen.authScheme === 'bearer')
      return header.startsWith('Bearer ') ? header.slice(7) : undefined;
    return header;
  };

  const answer = (req: ReceivedRequest): ScriptedReply => {
    const path = req.url.replace(/^\/v1/, '');
    const body = req.body === '' ? {} : (JSON.parse(req.body) as Record<string, unknown>);
    if (req.method === 'POST' && path === '/auth/login') {
      if (body.email !== goEmail) return chosen.unknownEmail;
      if (body.password !== goPassword) return json(401, { error: 'INVALID_CREDENTIALS' });
      if (chosen.twofaNeeded && body.twofa === undefined) return chosen.twofaNeeded;
      return issue();
    }
    if (req.method === 'POST' && path === '/auth/refresh') {
      const token = String(body.refreshToken);
      if (!validRefresh.delete(token)) return chosen.refreshRefused;
      return issue();
    }
    const token = tokenOf(req.headers.authorization);
    if (token === undefined || !validAccess.has(token)) return chosen.expired;
    if (req.method === 'GET' && path === '/user') return json(200, chosen.account);
    if (req.method === 'GET' && path === '/invoice/list') return json(200, chosen.invoices);
    if (req.method === 'PUT' && (path === '/user/password' || path === '/user/flags'))
      return chosen.emptySuccess === 204 ? { status: 204 } : json(200, {});
    return json(404, { error: 'NOT_FOUND' });
  };

  const server = await startStandInServer((req) => {
    const reply = answer(req);
    lines.push(`${req.method} ${req.url.replace(/^\/v1/, '')} ${reply.status}`);
    return reply;
  });
  return {
    baseUrl: server.baseUrl,
    received: server.received,
    choices: chosen,
    expireAccessTokens: () => validAccess.clear(),
    spendRefreshTokens: () => validRefresh.clear(),
    log: () => [...lines],
    close: server.close,
  };
}
