// The GreenCloud API as the sandbox plays it: every endpoint in ../shared/greencloud-api.md with
// every documented rule, under /v1. Request bodies are checked with the app's own schemas from
// src-main/common, so the sandbox and the app agree on every rule. The demo/test-only control
// endpoints are elsewhere (control-routes.ts): the real API has none of them.

import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import {
  apiKeyLoginRequest,
  changeCardRequest,
  changePasswordRequest,
  flagsRequest,
  loginRequest,
  refreshRequest,
  resetRequest,
  setBundleRequest,
  setPasswordRequest,
  twofaCodeRequest,
} from '../src-main/common/api-schemas';
import { bundleNames, bundlePathWord, bundleSizes } from '../src-main/common/bundles';
import {
  cardFor,
  describeBundle,
  isDeclinedPaymentMethod,
  recordInvoice,
  sandboxBundlePrices,
} from './billing';
import { checkBody } from './body-check';
import { SandboxError, notFound, type Reply } from './http-reply';
import { route, type RequestContext, type Route } from './router';
import { findAccountByEmail, sendMail, type SandboxAccount, type SandboxAddress } from './state';
import { issueTokens, requireAccount, spendRefreshToken } from './tokens';
import { acceptTotp, invalidTwofa, requireTwofa } from './two-factor';
import { newTotpSecret } from './totp';
import type { SandboxWorld } from './world';

const resetCodeSeconds = 3600;
const cardChangeIntervalMs = 24 * 3600 * 1000;

const empty = (status: number): Reply => ({ status });
const json = (body: unknown, status = 200): Reply => ({ status, body });

// ---- Schemas the sandbox needs beyond the shared request schemas ----

// On the wire Change Card also carries `address.default: true` (the seed's table); the app's
// schema covers what the user types, so the sandbox adds the wire-only part here.
const changeCardBody = changeCardRequest.extend({
  address: z.object(
    {
      default: z.literal(true, {
        error: 'address.default must be true: the card uses the address on file.',
      }),
    },
    { error: 'address.default is required and must be true.' },
  ),
});

// Change Bundle names the plan in lower case in its path; upper case is refused, as documented.
const pathWords = bundleNames.map(bundlePathWord) as [string, ...string[]];
const changeBundlePath = z.object({
  bundleName: z.enum(pathWords, {
    error: `The bundle in the path must be one of ${pathWords.join(', ')} (lower case).`,
  }),
});

// Flags: a field left out means false (documented), so both are optional here; the app's own
// schema requires both because sending only one would switch the other off.
const flagsBody = flagsRequest.partial();
// DELETE /auth/2FA: a missing code is TWOFA_REQUIRED (403), not a validation error.
const disableTwofaBody = twofaCodeRequest.partial();

function declined(): SandboxError {
  return new SandboxError(
    402,
    'PAYMENT_DECLINED',
    'The card was declined. Nothing was charged or changed.',
  );
}

function addressFrom(address: z.output<typeof setBundleRequest>['address']): SandboxAddress {
  const { company, street, district, city, postCode, country } = address;
  return {
    ...(company === undefined ? {} : { company }),
    street,
    ...(district === undefined ? {} : { district }),
    city,
    postCode,
    country,
  };
}

function accountView(account: SandboxAccount) {
  return {
    id: account.id,
    email: account.email,
    name: account.name,
    surname: account.surname,
    address: { ...account.address },
    twofa: account.totpSecret !== undefined,
    apiKey: account.apiKey,
    bundle: {
      name: account.bundle.name,
      quota: account.bundle.quota,
      price: sandboxBundlePrices[account.bundle.name],
    },
    flags: { ...account.flags },
  };
}

export function apiRoutes(world: SandboxWorld): Route[] {
  const now = () => world.clock.now();
  const signedIn = (ctx: RequestContext) => requireAccount(world.state, ctx.headers, now());
  // Endpoints with a body treat an empty one as `{}`, so a missing field is named in the answer.
  const bodyOf = (ctx: RequestContext) => ctx.body ?? {};

  return [
    // ---- Authentication ----
    route('POST', '/auth/login', (ctx) => {
      const request = checkBody(loginRequest, bodyOf(ctx));
      const account = findAccountByEmail(world.state, request.email);
      if (!account || account.password !== request.password) {
        throw new SandboxError(401, 'INVALID_CREDENTIALS', 'The email or password is wrong.');
      }
      requireTwofa(account, request.twofa, 401, 'twofa');
      return json(issueTokens(world.state, account, now(), true));
    }),
    route('POST', '/auth/refresh', (ctx) => {
      const request = checkBody(refreshRequest, bodyOf(ctx));
      const account = spendRefreshToken(world.state, request.refreshToken);
      if (!account) {
        throw new SandboxError(
          401,
          'NEEDS_LOGIN',
          'The refresh token is not valid or was already used. Sign in again.',
        );
      }
      return json(issueTokens(world.state, account, now(), true));
    }),
    route('POST', '/auth/apiKey', (ctx) => {
      const request = checkBody(apiKeyLoginRequest, bodyOf(ctx));
      const key = request.key.toLowerCase();
      const account = world.state.accounts.find((a) => a.apiKey === key);
      if (!account) throw new SandboxError(401, 'INVALID_CREDENTIALS', 'The API key is wrong.');
      // Documented: API-key sign-in returns no refresh token.
      return json(issueTokens(world.state, account, now(), false));
    }),
    route('POST', '/auth/2FA', (ctx) => {
      const account = signedIn(ctx);
      if (account.totpSecret !== undefined) {
        throw new SandboxError(
          400,
          'TWOFA_ALREADY_ENABLED',
          '2FA is already on for this account. Turn it off first to set it up again.',
        );
      }
      // Pending until verify2FA proves the authenticator has it; asking again replaces it.
      account.pendingTotpSecret = newTotpSecret();
      return json({ seed: account.pendingTotpSecret });
    }),
    route('POST', '/auth/verify2FA', (ctx) => {
      const account = signedIn(ctx);
      const request = checkBody(twofaCodeRequest, bodyOf(ctx));
      const pending = account.pendingTotpSecret;
      if (pending === undefined) {
        throw new SandboxError(
          400,
          'TWOFA_NOT_STARTED',
          'Start 2FA set-up first: there is no new 2FA secret to confirm.',
        );
      }
      if (!acceptTotp(account, pending, request.code)) throw invalidTwofa(403, 'code');
      account.totpSecret = pending;
      delete account.pendingTotpSecret;
      return empty(200);
    }),
    route('DELETE', '/auth/2FA', (ctx) => {
      const account = signedIn(ctx);
      if (account.totpSecret === undefined) {
        throw new SandboxError(400, 'TWOFA_NOT_ENABLED', '2FA is not on for this account.');
      }
      const request = checkBody(disableTwofaBody, bodyOf(ctx));
      requireTwofa(account, request.code, 403, 'code');
      delete account.totpSecret;
      return empty(204);
    }),
    // Sign-up is out of the app's scope (it links to the web); the sandbox's accounts are fixed.
    ...['/auth/register', '/auth/activate'].map((path) =>
      route('POST', path, () => {
        throw new SandboxError(
          501,
          'NOT_AVAILABLE_IN_SANDBOX',
          'Sign-up is not available in the sandbox: use the demo accounts.',
        );
      }),
    ),

    // ---- Account ----
    route('GET', '/user', (ctx) => json(accountView(signedIn(ctx)))),
    route('PUT', '/user/flags', (ctx) => {
      const account = signedIn(ctx);
      const request = checkBody(flagsBody, bodyOf(ctx));
      account.flags = {
        bundleAutoRenewal: request.bundleAutoRenewal ?? false,
        lowQuotaNotification: request.lowQuotaNotification ?? false,
      };
      return empty(204);
    }),
    route('PUT', '/user/password', (ctx) => {
      const account = signedIn(ctx);
      const request = checkBody(changePasswordRequest, bodyOf(ctx));
      requireTwofa(account, request.twofa, 403, 'twofa');
      account.password = request.password;
      return empty(204);
    }),
    route('POST', '/user/resetPassword', (ctx) => {
      const request = checkBody(resetRequest, bodyOf(ctx));
      const account = findAccountByEmail(world.state, request.email);
      // 204 either way, so nobody can learn which emails have accounts.
      if (account) {
        const code = randomBytes(16).toString('hex');
        account.resetCode = { code, expiresAt: now() + resetCodeSeconds * 1000 };
        sendMail(world.state, now(), { to: account.email, kind: 'reset-code', code });
      }
      return empty(204);
    }),
    // Documented as a GET with a JSON body. Node's http server reads it like any other body.
    route('GET', '/user/resetPassword', (ctx) => {
      const request = checkBody(setPasswordRequest, bodyOf(ctx));
      const account = world.state.accounts.find(
        (a) => a.resetCode?.code === request.code && a.resetCode.expiresAt > now(),
      );
      if (!account) {
        throw new SandboxError(
          400,
          'INVALID_RESET_CODE',
          'The reset code is wrong, used or expired. Ask for a new one.',
          { field: 'code' },
        );
      }
      requireTwofa(account, request.twofa, 403, 'twofa');
      account.password = request.password;
      delete account.resetCode;
      return empty(204);
    }),

    // ---- Bundles and card ----
    route('POST', '/user/bundle', (ctx) => {
      const account = signedIn(ctx);
      const request = checkBody(setBundleRequest, bodyOf(ctx));
      if (isDeclinedPaymentMethod(request.paymentMethod)) throw declined();
      const card = cardFor(request.paymentMethod);
      recordInvoice(world.state, account, now(), {
        amount: sandboxBundlePrices[request.name],
        description: describeBundle(request.name, 'purchase'),
        card,
      });
      // Signing up starts a fresh bundle: the quota becomes the new bundle's full size, and what
      // was left of the old one is not carried over.
      account.bundle = { name: request.name, quota: bundleSizes[request.name] };
      account.card = card;
      account.cardDeclined = false;
      account.address = addressFrom(request.address);
      return empty(204);
    }),
    route('PUT', '/user/bundle/:bundleName', (ctx) => {
      const account = signedIn(ctx);
      const { bundleName } = checkBody(changeBundlePath, ctx.params);
      // Switching plans keeps the invocations left (already paid for, neither lost nor gained);
      // the new size applies to the thresholds, refills and renewals from now on. No charge.
      account.bundle.name = bundleNames.find((name) => bundlePathWord(name) === bundleName)!;
      return empty(204);
    }),
    route('POST', '/user/buy', (ctx) => {
      const account = signedIn(ctx);
      // A refill charges the card on file; one marked declined cannot be charged.
      if (account.cardDeclined) throw declined();
      account.bundle.quota += bundleSizes[account.bundle.name];
      recordInvoice(world.state, account, now(), {
        amount: sandboxBundlePrices[account.bundle.name],
        description: describeBundle(account.bundle.name, 'refill'),
        card: account.card,
      });
      return empty(201);
    }),
    // Documented with a trailing slash (`/user/card/`); the router treats both spellings alike.
    route('PUT', '/user/card', (ctx) => {
      const account = signedIn(ctx);
      const request = checkBody(changeCardBody, bodyOf(ctx));
      if (account.flags.bundleAutoRenewal && !account.cardDeclined) {
        throw new SandboxError(
          403,
          'CARD_CHANGE_NOT_ALLOWED',
          'The card cannot be changed while auto-pay (bundle auto-renewal) is on, unless the card on file was declined.',
        );
      }
      const last = account.lastCardChangeAt;
      if (last !== undefined && now() - last < cardChangeIntervalMs) {
        const seconds = Math.max(1, Math.ceil((last + cardChangeIntervalMs - now()) / 1000));
        throw new SandboxError(
          429,
          'CARD_CHANGE_TOO_SOON',
          'The card can be changed once every 24 hours.',
          {
            headers: { 'Retry-After': String(seconds) },
            extra: { retryAfter: seconds },
          },
        );
      }
      if (isDeclinedPaymentMethod(request.paymentMethod)) throw declined();
      account.card = cardFor(request.paymentMethod);
      account.cardDeclined = false;
      account.lastCardChangeAt = now();
      return empty(204);
    }),

    // ---- Invoices ----
    route('GET', '/invoice/list', (ctx) =>
      json(
        signedIn(ctx).invoices.map(({ id, amount, status, paidDay }) => ({
          id,
          amount,
          status,
          paidDay,
        })),
      ),
    ),
    route('GET', '/invoice/:id', (ctx) => {
      const invoice = signedIn(ctx).invoices.find((i) => i.id === ctx.params.id);
      if (!invoice) throw notFound('There is no invoice with that id on this account.');
      const { id, amount, description, status, paidDay, card, receiptUrl } = invoice;
      return json({
        id,
        amount,
        description,
        status,
        paidDay,
        payment: { card: { ...card }, receiptUrl },
      });
    }),
  ];
}
