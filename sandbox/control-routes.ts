// The sandbox's control endpoints under /_sandbox/, for demos and tests: simulate invocations, set
// an account's state, read the "sent" emails and the request log, queue faults, move the clock,
// reset. THE REAL GREENCLOUD API HAS NONE OF THESE; they need no sign-in and exist only here.

import { z } from 'zod';
import { checkBody, validationFailed } from './body-check';
import { SandboxError, type Reply } from './http-reply';
import { consumeInvocations } from './quota';
import { normalisePath, route, type RequestContext, type Route } from './router';
import { findAccountByEmail, type SandboxAccount } from './state';
import type { SandboxWorld } from './world';

const maxConsumeCount = 10_000_000;
const tenYearsSeconds = 10 * 365 * 86_400;

function wholeNumber(label: string, min: number, max: number) {
  return z
    .number({ error: `${label} must be a number.` })
    .int(`${label} must be a whole number.`)
    .min(min, `${label} must be at least ${min}.`)
    .max(max, `${label} must be at most ${max}.`);
}

const emailField = z.string({ error: 'email is required: the sandbox account to act on.' });

const consumeBody = z.object({
  email: emailField,
  count: wholeNumber('count', 1, maxConsumeCount),
});

const accountPatchBody = z.object({
  email: emailField,
  quota: wholeNumber('quota', 0, 1_000_000_000).optional(),
  cardDeclined: z.boolean({ error: 'cardDeclined must be true or false.' }).optional(),
});

const faultBody = z.object({
  mode: z.enum(['latency', 'status', 'reset', 'malformed'], {
    error: 'mode must be one of latency, status, reset or malformed.',
  }),
  ms: wholeNumber('ms', 0, 60_000).optional(),
  status: wholeNumber('status', 400, 599).optional(),
  count: wholeNumber('count', 1, 1000),
  path: z
    .string({ error: 'path must be text.' })
    .regex(/^\/v1(\/|$)/, 'path must be an API path such as /v1/user.')
    .optional(),
});

const clockBody = z.object({
  advanceSeconds: z
    .number({ error: 'advanceSeconds must be a number.' })
    .positive('advanceSeconds must be more than 0: the clock only moves forward.')
    .max(tenYearsSeconds, 'advanceSeconds must be at most ten years.'),
});

export function controlRoutes(world: SandboxWorld): Route[] {
  const now = () => world.clock.now();
  const accountFor = (email: string): SandboxAccount => {
    const account = findAccountByEmail(world.state, email);
    if (!account)
      throw new SandboxError(404, 'NOT_FOUND', 'There is no sandbox account with that email.', {
        field: 'email',
      });
    return account;
  };
  const bodyOf = (ctx: RequestContext) => ctx.body ?? {};

  return [
    route('POST', '/consume', (ctx): Reply => {
      const request = checkBody(consumeBody, bodyOf(ctx));
      const result = consumeInvocations(
        world.state,
        accountFor(request.email),
        request.count,
        now(),
      );
      if (result.failed > 0) {
        throw new SandboxError(
          402,
          'NO_QUOTA_AVAILABLE',
          'The quota ran out: the remaining invocations failed.',
          {
            extra: { ...result },
          },
        );
      }
      return { status: 200, body: result };
    }),
    // Sets state directly: no emails, no renewals. The quota is also the crossing memory (see
    // quota.ts), so a quota set here re-arms or disarms the low-quota notice consistently.
    route('PATCH', '/account', (ctx): Reply => {
      const request = checkBody(accountPatchBody, bodyOf(ctx));
      const account = accountFor(request.email);
      if (request.quota !== undefined) account.bundle.quota = request.quota;
      if (request.cardDeclined !== undefined) account.cardDeclined = request.cardDeclined;
      return {
        status: 200,
        body: {
          email: account.email,
          quota: account.bundle.quota,
          cardDeclined: account.cardDeclined,
        },
      };
    }),
    route('GET', '/outbox', (ctx): Reply => {
      const email = ctx.query.get('email')?.trim().toLowerCase();
      const entries = world.state.outbox.filter((entry) => !email || entry.to === email);
      return { status: 200, body: entries };
    }),
    route('GET', '/requests', (): Reply => ({ status: 200, body: world.requestLog.list() })),
    route('POST', '/faults', (ctx): Reply => {
      const request = checkBody(faultBody, bodyOf(ctx));
      if (request.mode === 'latency' && request.ms === undefined) {
        throw validationFailed('A latency fault needs ms, the delay in milliseconds.', 'ms');
      }
      if (request.mode === 'status' && request.status === undefined) {
        throw validationFailed(
          'A status fault needs status, the HTTP status to answer with.',
          'status',
        );
      }
      world.faults.add({
        ...request,
        ...(request.path === undefined ? {} : { path: normalisePath(request.path) }),
      });
      return { status: 204 };
    }),
    route('POST', '/clock', (ctx): Reply => {
      const request = checkBody(clockBody, bodyOf(ctx));
      world.clock.advance(request.advanceSeconds);
      return { status: 200, body: { now: new Date(now()).toISOString() } };
    }),
    route('POST', '/reset', (): Reply => {
      world.reset();
      return { status: 204 };
    }),
  ];
}
