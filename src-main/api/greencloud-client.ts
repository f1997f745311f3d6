// The GreenCloud API, one typed method per endpoint of ../shared/greencloud-api.md. Plain Node (no
// Electron): requests are validated before anything is sent, replies are parsed before anything is
// returned, and every failure is an AppError with a sentence. Nothing here logs: the values passing
// through are passwords, codes, keys and tokens.

import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../common/app-error';
import {
  apiKeyLoginRequest,
  changeBundleRequest,
  changeCardRequest,
  changePasswordRequest,
  flagsRequest,
  invoiceDetailResponse,
  invoiceIdRequest,
  invoiceListResponse,
  loginRequest,
  refreshRequest,
  resetRequest,
  setBundleRequest,
  setPasswordRequest,
  tokenResponse,
  twofaCodeRequest,
  twofaSeedResponse,
  readReply,
  accountResponse,
  type Account,
  type ChangePasswordRequest,
  type FlagsRequest,
  type InvoiceDetail,
  type InvoiceSummary,
  type LoginRequest,
  type SetBundleRequest,
  type SetPasswordRequest,
  type TokenResponse,
} from '../common/api-schemas';
import { bundlePathWord, type BundleName } from '../common/bundles';
import { withoutTrailingSlashes } from '../common/trailing-slashes';
import { validate } from '../common/validate';
import {
  errorFromResponse,
  isExpiredTokenReply,
  sessionEndedSentence,
  type ErrorContext,
} from './error-mapping';
import { authorizationHeader, type AuthScheme, type AuthSchemeMemory } from './auth-scheme';
import {
  directTransport,
  type HttpMethod,
  type HttpResponse,
  type HttpTransport,
} from './http-transport';
import { isForeignSuccess, wrongServerSentence } from './wrong-server';
import { SingleFlight, type FlightPolicy } from './single-flight';

export interface AuthProvider {
  /** The current access token, or undefined when signed out. */
  accessToken(): Promise<string | undefined>;
  /** Called at most once per request after a 401: renew and return a new access token, or throw AppError kind 'needs-login'. */
  renewAccessToken(): Promise<string>;
}

export interface GreenCloudClientOptions {
  baseUrl: string;
  userAgent: string;
  auth?: AuthProvider;
  /** Per attempt. Default 15000. */
  timeoutMs?: number;
  /** Extra attempts for idempotent reads after offline, timeout or 5xx. Default 2. */
  readRetries?: number;
  /** Waits between read retries; injectable so tests need not wait. */
  sleep?: (ms: number) => Promise<void>;
  /** The clock for Retry-After → retryAt. */
  now?: () => number;
  /** Which Authorization scheme this endpoint took last time (settings: no secret in it). */
  authSchemes?: AuthSchemeMemory;
  /** Proxies, connections, certificates: one transport shared by every client of the app. */
  transport?: HttpTransport;
  /** One line per decision worth knowing later (a scheme switch); never a value from a request. */
  log?: (line: string) => void;
}

/** What each call tells the one request path about itself. */
interface CallSpec<T> {
  method: HttpMethod;
  path: string;
  /** Already validated; serialised as JSON. */
  body?: unknown;
  authenticated: boolean;
  /** Parses a 2xx body; absent for calls documented to answer with an empty body. */
  response?: z.ZodType<T>;
  /** Idempotent reads only: retried with backoff after offline, timeout or 5xx. */
  read?: boolean;
  flight: { policy: FlightPolicy; lane: string; busySentence?: string };
  /** Request values that must never be echoed into an error. */
  secrets?: readonly (string | undefined)[];
  credentialsSentence?: string;
  twofaField?: string;
  /** 400, 401 or 403 on this unauthenticated call means the refresh token is spent, not wrong details. */
  refusalMeansSessionEnded?: boolean;
  /** Sign-in: 404 for an unknown email means wrong details, not a wrong server. */
  notFoundMeansWrongDetails?: boolean;
}

/** Per call: each recovery happens at most once, whatever the read retries do. */
interface AttemptState {
  renewed: boolean;
  triedOtherScheme: boolean;
}

const backoffBaseMs = 400;
const maxCachedUrls = 64;
const defaultTimeoutMs = 15_000;
const defaultReadRetries = 2;

export class GreenCloudClient {
  readonly baseUrl: string;
  private readonly host: string;
  private readonly userAgent: string;
  private readonly auth?: AuthProvider;
  private readonly timeoutMs: number;
  private readonly readRetries: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private readonly flights = new SingleFlight();
  private readonly authSchemes: AuthSchemeMemory;
  private readonly transport: HttpTransport;
  private readonly log: (line: string) => void;
  /** Each path's URL, parsed once: every poll asks for the same one (bounded: invoice ids vary). */
  private readonly urls = new Map<string, URL>();
  private renewing?: Promise<string>;

  constructor(options: GreenCloudClientOptions) {
    const url = parseBaseUrl(options.baseUrl);
    // Without the trailing slash, so that `${baseUrl}/user` is the documented path.
    this.baseUrl = withoutTrailingSlashes(url.href);
    this.host = url.host;
    this.userAgent = options.userAgent;
    this.auth = options.auth;
    this.timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
    this.readRetries = Math.max(0, options.readRetries ?? defaultReadRetries);
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.now = options.now ?? Date.now;
    this.authSchemes = options.authSchemes ?? schemesForThisRun();
    this.log = options.log ?? (() => undefined);
    this.transport = options.transport ?? directTransport();
  }

  // Every method is async so that a validation failure arrives as a rejected promise, like any
  // other failure, and never as a synchronous throw.

  // ---- Authentication: no Authorization header ----

  async login(request: LoginRequest): Promise<TokenResponse> {
    const body = validate(loginRequest, request);
    return this.call({
      method: 'POST',
      path: '/auth/login',
      body,
      authenticated: false,
      response: tokenResponse,
      flight: { policy: 'share', lane: 'login' },
      secrets: [body.password, body.twofa],
      credentialsSentence: 'The email or password is not correct.',
      twofaField: 'twofa',
      notFoundMeansWrongDetails: true,
    });
  }

  async refresh(refreshToken: string): Promise<TokenResponse> {
    const body = validate(refreshRequest, { refreshToken });
    return this.call({
      method: 'POST',
      path: '/auth/refresh',
      body,
      authenticated: false,
      response: tokenResponse,
      // Refresh tokens rotate: two refreshes with the same token would spend it twice.
      flight: { policy: 'share', lane: 'refresh' },
      secrets: [body.refreshToken],
      refusalMeansSessionEnded: true,
    });
  }

  async loginWithApiKey(key: string): Promise<TokenResponse> {
    const body = validate(apiKeyLoginRequest, { key });
    return this.call({
      method: 'POST',
      path: '/auth/apiKey',
      body,
      authenticated: false,
      response: tokenResponse,
      flight: { policy: 'share', lane: 'api-key' },
      secrets: [body.key],
      credentialsSentence: 'That API key was not accepted. Check it and try again.',
    });
  }

  async requestPasswordReset(email: string): Promise<void> {
    const body = validate(resetRequest, { email });
    return this.call({
      method: 'POST',
      path: '/user/resetPassword',
      body,
      authenticated: false,
      // A double click must not send two emails with two different codes.
      flight: { policy: 'share', lane: 'reset' },
    });
  }

  async setPasswordWithCode(request: SetPasswordRequest): Promise<void> {
    const body = validate(setPasswordRequest, request);
    return this.call({
      // GreenCloud documents this as a GET with a JSON body; the transport sends it as such.
      method: 'GET',
      path: '/user/resetPassword',
      body,
      authenticated: false,
      flight: {
        policy: 'exclusive',
        lane: 'set-password',
        busySentence: 'Your new password is still being saved. Wait for it to finish.',
      },
      secrets: [body.password, body.code, body.twofa],
      twofaField: 'twofa',
    });
  }

  // ---- Account: Authorization required ----

  async beginTwoFactor(): Promise<{ seed: string }> {
    return this.call({
      method: 'POST',
      path: '/auth/2FA',
      authenticated: true,
      response: twofaSeedResponse,
      flight: { policy: 'share', lane: 'twofa-begin' },
    });
  }

  async verifyTwoFactor(code: string): Promise<void> {
    return this.twoFactorChange('POST', '/auth/verify2FA', code);
  }

  async disableTwoFactor(code: string): Promise<void> {
    // DELETE with a JSON body, as documented.
    return this.twoFactorChange('DELETE', '/auth/2FA', code);
  }

  async getAccount(): Promise<Account> {
    return this.call({
      method: 'GET',
      path: '/user',
      authenticated: true,
      response: accountResponse,
      read: true,
      flight: { policy: 'share', lane: 'account' },
    });
  }

  async setFlags(flags: FlagsRequest): Promise<void> {
    const valid = validate(flagsRequest, flags);
    return this.call({
      method: 'PUT',
      path: '/user/flags',
      // Both values, always: a flag left out is set to false by the server.
      body: {
        bundleAutoRenewal: valid.bundleAutoRenewal,
        lowQuotaNotification: valid.lowQuotaNotification,
      },
      authenticated: true,
      flight: { policy: 'serialize', lane: 'flags' },
    });
  }

  async changePassword(request: ChangePasswordRequest): Promise<void> {
    const body = validate(changePasswordRequest, request);
    return this.call({
      method: 'PUT',
      path: '/user/password',
      body,
      authenticated: true,
      flight: {
        policy: 'exclusive',
        lane: 'password',
        busySentence: 'Your password change is still being saved. Wait for it to finish.',
      },
      secrets: [body.password, body.twofa],
      twofaField: 'twofa',
    });
  }

  async setBundle(request: SetBundleRequest): Promise<void> {
    const body = validate(setBundleRequest, request);
    return this.call({
      method: 'POST',
      path: '/user/bundle',
      body,
      authenticated: true,
      flight: planFlight,
    });
  }

  async changeBundle(name: BundleName): Promise<void> {
    const valid = validate(changeBundleRequest, { name });
    return this.call({
      method: 'PUT',
      path: `/user/bundle/${bundlePathWord(valid.name)}`,
      authenticated: true,
      flight: planFlight,
    });
  }

  async buyRefill(): Promise<void> {
    return this.call({
      method: 'POST',
      path: '/user/buy',
      authenticated: true,
      flight: {
        policy: 'exclusive',
        lane: 'refill',
        busySentence: 'A refill is already being bought. Wait for it to finish.',
      },
    });
  }

  async changeCard(paymentMethod: string): Promise<void> {
    const valid = validate(changeCardRequest, { paymentMethod });
    return this.call({
      // The documented path ends in a slash.
      method: 'PUT',
      path: '/user/card/',
      body: { paymentMethod: valid.paymentMethod, address: { default: true } },
      authenticated: true,
      flight: {
        policy: 'exclusive',
        lane: 'card',
        busySentence: 'A card change is already being processed. Wait for it to finish.',
      },
    });
  }

  async listInvoices(): Promise<InvoiceSummary[]> {
    return this.call({
      method: 'GET',
      path: '/invoice/list',
      authenticated: true,
      response: invoiceListResponse,
      read: true,
      flight: { policy: 'share', lane: 'invoices' },
    });
  }

  async getInvoice(id: string): Promise<InvoiceDetail> {
    const valid = validate(invoiceIdRequest, { id });
    return this.call({
      method: 'GET',
      path: `/invoice/${encodeURIComponent(valid.id)}`,
      authenticated: true,
      response: invoiceDetailResponse,
      read: true,
      flight: { policy: 'share', lane: 'invoice' },
    });
  }

  // ---- The one request path ----

  private async twoFactorChange(
    method: 'POST' | 'DELETE',
    path: string,
    code: string,
  ): Promise<void> {
    const body = validate(twofaCodeRequest, { code });
    return this.call({
      method,
      path,
      body,
      authenticated: true,
      flight: {
        policy: 'exclusive',
        lane: 'twofa',
        busySentence: 'A two-factor change is already being processed. Wait for it to finish.',
      },
      secrets: [body.code],
      twofaField: 'code',
    });
  }

  private call<T>(spec: CallSpec<T>): Promise<T> {
    const bodyText = spec.body === undefined ? undefined : JSON.stringify(spec.body);
    // Hashed so that passwords and codes in bodies are not kept as map keys; a call without a body
    // has nothing secret in its key (every poll is one, so it skips the hash).
    const request = `${spec.method} ${spec.path}`;
    const key =
      bodyText === undefined
        ? request
        : createHash('sha256').update(`${request}\n${bodyText}`).digest('hex');
    const { policy, lane, busySentence } = spec.flight;
    return this.flights.run(
      {
        lane,
        key,
        policy,
        busy: () =>
          new AppError({
            kind: 'busy',
            message:
              busySentence ?? 'An earlier request is still being processed. Wait for it to finish.',
          }),
      },
      () => this.attempts(spec, bodyText),
    );
  }

  /** Reads get retries with exponential backoff; writes exactly one attempt. */
  private async attempts<T>(spec: CallSpec<T>, bodyText: string | undefined): Promise<T> {
    const session: AttemptState = { renewed: false, triedOtherScheme: false };
    const attempts = spec.read ? 1 + this.readRetries : 1;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.attempt(spec, bodyText, session);
      } catch (error) {
        if (attempt >= attempts || !isTransient(error)) throw error;
        const jitter = Math.random() * backoffBaseMs * 0.25;
        await this.sleep(backoffBaseMs * 2 ** (attempt - 1) + jitter);
      }
    }
  }

  /**
   * One attempt, including the single renewal and retry after an expired-token reply on an
   * authenticated call. That retry is safe even for money calls: 401 (or 403 NEEDS_LOGIN) means the
   * server refused before doing anything.
   */
  private async attempt<T>(
    spec: CallSpec<T>,
    bodyText: string | undefined,
    state: AttemptState,
  ): Promise<T> {
    if (!spec.authenticated)
      return this.interpret(spec, await this.send(spec, bodyText), undefined);
    let token = await this.currentToken();
    let response = await this.sendSigned(spec, bodyText, token);
    if (isExpiredTokenReply(response) && !state.renewed) {
      state.renewed = true;
      token = await this.renewedToken(token);
      response = await this.sendSigned(spec, bodyText, token);
      if (isExpiredTokenReply(response) && !state.triedOtherScheme) {
        state.triedOtherScheme = true;
        response = await this.tryOtherScheme(spec, bodyText, token, response);
      }
      // Refused again with a token the server has just issued: the session itself is fine (the
      // renewal worked), so say what failed instead of claiming the session ended while it has not.
      if (isExpiredTokenReply(response)) throw this.refusedAfterRenewal(response);
    }
    return this.interpret(spec, response, token);
  }

  /** Sends with this endpoint's Authorization scheme, and remembers it once it is accepted. */
  private async sendSigned<T>(
    spec: CallSpec<T>,
    bodyText: string | undefined,
    token: string,
  ): Promise<HttpResponse> {
    const remembered = this.authSchemes.get(this.baseUrl);
    const scheme: AuthScheme = remembered ?? 'bare';
    const response = await this.send(spec, bodyText, authorizationHeader(token, scheme));
    if (remembered === undefined && !isExpiredTokenReply(response))
      this.authSchemes.set(this.baseUrl, scheme);
    return response;
  }

  /**
   * The docs never say whether the header is the bare token or `Bearer <token>`. A token the server
   * issued a moment ago being refused is the sign that the scheme is wrong (a refusal of an older
   * token looks exactly like expiry, which is why the renewal comes first). So, while the endpoint
   * has accepted neither, that refusal is tried once with the other scheme; an acceptance is
   * remembered for the endpoint and logged.
   */
  private async tryOtherScheme<T>(
    spec: CallSpec<T>,
    bodyText: string | undefined,
    token: string,
    refused: HttpResponse,
  ): Promise<HttpResponse> {
    if (this.authSchemes.get(this.baseUrl) !== undefined) return refused;
    const retry = await this.send(spec, bodyText, authorizationHeader(token, 'bearer'));
    if (isExpiredTokenReply(retry)) return refused;
    this.authSchemes.set(this.baseUrl, 'bearer');
    this.log(
      `${this.host} refused a freshly issued access token sent bare and accepted it as "Bearer <token>": using Bearer for this server from now on.`,
    );
    return retry;
  }

  private refusedAfterRenewal(response: HttpResponse): AppError {
    const error = errorFromResponse(response, this.errorContext({ authenticated: true }, []));
    return new AppError({
      kind: 'not-allowed',
      code: error.code,
      message: `${this.host} refused this request even though your session had just been renewed. You are still signed in: try again, and if it keeps failing, sign out and sign in again.`,
    });
  }

  private send<T>(spec: CallSpec<T>, bodyText: string | undefined, authorization?: string) {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'User-Agent': this.userAgent,
    };
    if (bodyText !== undefined) headers['Content-Type'] = 'application/json';
    if (authorization !== undefined) headers.Authorization = authorization;
    return this.transport.send({
      method: spec.method,
      url: this.urlFor(spec.path),
      headers,
      body: bodyText,
      timeoutMs: this.timeoutMs,
      // Reads reuse kept-alive connections. Every other call, and above all the ones that move
      // money, gets a connection of its own: a kept-alive socket the server has just closed fails a
      // POST with ECONNRESET after it may or may not have arrived, and for a purchase that
      // ambiguity is worse than one more handshake. (Reads may simply be sent again.)
      connection: spec.read ? 'reuse' : 'fresh',
    });
  }

  private urlFor(path: string): URL {
    let url = this.urls.get(path);
    if (!url) {
      url = new URL(this.baseUrl + path);
      if (this.urls.size >= maxCachedUrls) this.urls.clear();
      this.urls.set(path, url);
    }
    return url;
  }

  private interpret<T>(spec: CallSpec<T>, response: HttpResponse, token: string | undefined): T {
    // Any 2xx is success even when the docs name another (buy = 201, flags = 204): the change has
    // happened, and calling it a failure would invite the user to pay or submit a second time.
    // Not so a web page answering 200: that is a portal or a website, and GreenCloud never saw it.
    if (response.status >= 200 && response.status <= 299) {
      if (isForeignSuccess(response)) {
        throw new AppError({
          kind: 'unexpected-response',
          message: wrongServerSentence(this.host, response.status),
        });
      }
      if (!spec.response) return undefined as T;
      return this.parseBody(spec.response, response.text);
    }
    const error = errorFromResponse(response, this.errorContext(spec, [token]));
    // A refused refresh token answers like wrong details or a bad request; for the user it is an
    // ended session, and the session manager signs out on this kind.
    if (spec.refusalMeansSessionEnded && [400, 401, 403].includes(response.status)) {
      throw new AppError({
        kind: 'needs-login',
        message: sessionEndedSentence,
        code: error.code,
      });
    }
    throw error;
  }

  private errorContext(
    spec: Pick<CallSpec<unknown>, 'authenticated'> & Partial<CallSpec<unknown>>,
    extraSecrets: readonly (string | undefined)[],
  ): ErrorContext {
    return {
      host: this.host,
      now: this.now(),
      unauthorized:
        spec.authenticated || spec.refusalMeansSessionEnded ? 'needs-login' : 'invalid-credentials',
      credentialsSentence: spec.credentialsSentence,
      twofaField: spec.twofaField,
      notFoundMeansWrongDetails: spec.notFoundMeansWrongDetails,
      secrets: [...(spec.secrets ?? []), ...extraSecrets].filter(
        (value): value is string => !!value,
      ),
    };
  }

  private parseBody<T>(schema: z.ZodType<T>, text: string): T {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw this.unexpectedReply();
    }
    const parsed = readReply(schema, json);
    if (!parsed.success) throw this.unexpectedReply();
    return parsed.data;
  }

  private unexpectedReply(): AppError {
    return new AppError({
      kind: 'unexpected-response',
      message: `The server at ${this.host} sent a reply GreenCloud Desktop could not read. Try again, or check the server address in Settings.`,
    });
  }

  private async currentToken(): Promise<string> {
    const token = await this.auth?.accessToken();
    if (!token)
      throw new AppError({ kind: 'needs-login', message: 'Please sign in to GreenCloud first.' });
    return token;
  }

  /**
   * A token to retry with after `refused` got a 401. Concurrent 401s share one renewal, and a call
   * whose 401 arrives after another call already renewed just uses the new token: refresh tokens
   * rotate, so a second refresh would be wasted at best.
   */
  private async renewedToken(refused: string | undefined): Promise<string> {
    const auth = this.auth;
    if (!auth) throw new AppError({ kind: 'needs-login', message: sessionEndedSentence });
    if (!this.renewing) {
      const current = await auth.accessToken();
      if (current && current !== refused) return current;
    }
    this.renewing ??= auth
      .renewAccessToken()
      .catch((error: unknown) => {
        // The provider should throw an AppError; anything else may carry internals, so replace it.
        throw error instanceof AppError
          ? error
          : new AppError({ kind: 'needs-login', message: sessionEndedSentence });
      })
      .finally(() => {
        this.renewing = undefined;
      });
    return this.renewing;
  }
}

/** Without a memory from settings, the choice is kept for this client's lifetime. */
function schemesForThisRun(): AuthSchemeMemory {
  const known = new Map<string, AuthScheme>();
  return {
    get: (baseUrl) => known.get(baseUrl),
    set: (baseUrl, scheme) => known.set(baseUrl, scheme),
  };
}

const planFlight = {
  policy: 'exclusive',
  lane: 'plan',
  busySentence: 'Your plan change is still being processed. Wait for it to finish.',
} as const;

function isTransient(error: unknown): boolean {
  return (
    error instanceof AppError &&
    (error.kind === 'offline' || error.kind === 'timeout' || error.kind === 'server')
  );
}

function parseBaseUrl(baseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw invalidBaseUrl();
  }
  // Credentials in the address would travel in `baseUrl` and error reports: refuse them.
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) {
    throw invalidBaseUrl();
  }
  // Query and fragment would end up in the middle of every request's path.
  url.search = '';
  url.hash = '';
  return url;
}

function invalidBaseUrl(): AppError {
  return new AppError({
    kind: 'validation',
    field: 'baseUrl',
    message:
      'The server address must be a web address starting with http:// or https://, without a user name or password.',
  });
}
