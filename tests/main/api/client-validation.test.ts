// Every documented rule is checked before anything is sent: each call below breaks one rule and
// must fail with kind 'validation', the field and a sentence, while the sandbox's request log
// shows that no request left the client.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GreenCloudClient } from '../../../src-main/api/greencloud-client';
import type { BundleName } from '../../../src-main/common/bundles';
import { appErrorOf } from './helpers/app-error-of';
import { openSandbox, type Sandbox } from './helpers/sandbox-fixture';

const address = { street: 'My House 8295', city: 'Parana', postCode: '3100', country: 'AR' };
const good = { name: 'DEVELOPER' as const, paymentMethod: 'pm_card_visa', address };

interface Case {
  rule: string;
  field: string;
  call: (client: GreenCloudClient) => Promise<unknown>;
}

// Casts stand for what a caller without types (the bridge, a bug) could pass.
const cases: Case[] = [
  {
    rule: 'login email required',
    field: 'email',
    call: (c) => c.login({ email: '', password: 'Demo123!' }),
  },
  {
    rule: 'login email format',
    field: 'email',
    call: (c) => c.login({ email: 'demo', password: 'Demo123!' }),
  },
  {
    rule: 'login password min=8',
    field: 'password',
    call: (c) => c.login({ email: 'a@b.co', password: 'De12!' }),
  },
  {
    rule: 'login password containsany',
    field: 'password',
    call: (c) => c.login({ email: 'a@b.co', password: 'Demo1234' }),
  },
  {
    rule: 'login twofa 6 digits',
    field: 'twofa',
    call: (c) => c.login({ email: 'a@b.co', password: 'Demo123!', twofa: '12345' }),
  },
  { rule: 'refresh token required', field: 'refreshToken', call: (c) => c.refresh('') },
  { rule: 'API key is a UUID', field: 'key', call: (c) => c.loginWithApiKey('not-a-key') },
  { rule: 'reset email required', field: 'email', call: (c) => c.requestPasswordReset('') },
  {
    rule: 'set password min=8',
    field: 'password',
    call: (c) => c.setPasswordWithCode({ password: 'Ab1!', code: 'abc' }),
  },
  {
    rule: 'set password containsany',
    field: 'password',
    call: (c) => c.setPasswordWithCode({ password: 'Abcdefgh1', code: 'abc' }),
  },
  {
    rule: 'set password code required',
    field: 'code',
    call: (c) => c.setPasswordWithCode({ password: 'Demo123!', code: '' }),
  },
  {
    rule: 'set password twofa 6 digits',
    field: 'twofa',
    call: (c) => c.setPasswordWithCode({ password: 'Demo123!', code: 'abc', twofa: '12a456' }),
  },
  { rule: 'verify2FA code 6 digits', field: 'code', call: (c) => c.verifyTwoFactor('12345') },
  { rule: 'disable 2FA code required', field: 'code', call: (c) => c.disableTwoFactor('') },
  {
    rule: 'flags: both values required',
    field: 'lowQuotaNotification',
    call: (c) => c.setFlags({ bundleAutoRenewal: true } as never),
  },
  {
    rule: 'flags are booleans',
    field: 'bundleAutoRenewal',
    call: (c) => c.setFlags({ bundleAutoRenewal: 'yes', lowQuotaNotification: false } as never),
  },
  {
    rule: 'change password min=8',
    field: 'password',
    call: (c) => c.changePassword({ password: 'Ab1!' }),
  },
  {
    rule: 'change password containsany',
    field: 'password',
    call: (c) => c.changePassword({ password: 'longenough' }),
  },
  {
    rule: 'change password twofa 6 digits',
    field: 'twofa',
    call: (c) => c.changePassword({ password: 'Demo123!', twofa: 'abcdef' }),
  },
  {
    rule: 'bundle oneof is case-sensitive',
    field: 'name',
    call: (c) => c.setBundle({ ...good, name: 'developer' as BundleName }),
  },
  {
    rule: 'paymentMethod startswith=pm_',
    field: 'paymentMethod',
    call: (c) => c.setBundle({ ...good, paymentMethod: 'tok_visa' }),
  },
  {
    rule: 'company alphanumspace',
    field: 'address.company',
    call: (c) => c.setBundle({ ...good, address: { ...address, company: 'ACME, Inc.' } }),
  },
  {
    rule: 'street alphanumspace (a full stop)',
    field: 'address.street',
    call: (c) => c.setBundle({ ...good, address: { ...address, street: '123 Hill St.' } }),
  },
  {
    rule: 'street required',
    field: 'address.street',
    call: (c) => c.setBundle({ ...good, address: { ...address, street: undefined } as never }),
  },
  {
    rule: 'city alphaspace (no digits)',
    field: 'address.city',
    call: (c) => c.setBundle({ ...good, address: { ...address, city: 'Parana 2' } }),
  },
  {
    rule: 'city alphaspace is ASCII only',
    field: 'address.city',
    call: (c) => c.setBundle({ ...good, address: { ...address, city: 'Paraná' } }),
  },
  {
    rule: 'district alphaspace',
    field: 'address.district',
    call: (c) => c.setBundle({ ...good, address: { ...address, district: 'North-district' } }),
  },
  {
    rule: 'postCode alphanumspace',
    field: 'address.postCode',
    call: (c) => c.setBundle({ ...good, address: { ...address, postCode: 'YO31-8SB' } }),
  },
  {
    rule: 'country iso3166_1_alpha2 (UK is not assigned)',
    field: 'address.country',
    call: (c) => c.setBundle({ ...good, address: { ...address, country: 'UK' } }),
  },
  {
    rule: 'country is a code, not a name',
    field: 'address.country',
    call: (c) => c.setBundle({ ...good, address: { ...address, country: 'United Kingdom' } }),
  },
  {
    rule: 'change bundle oneof',
    field: 'name',
    call: (c) => c.changeBundle('enterprise' as BundleName),
  },
  {
    rule: 'change card startswith=pm_',
    field: 'paymentMethod',
    call: (c) => c.changeCard('tok_123'),
  },
  { rule: 'change card required', field: 'paymentMethod', call: (c) => c.changeCard('') },
  { rule: 'invoice id required', field: 'id', call: (c) => c.getInvoice('') },
];

let sandbox: Sandbox;
let client: GreenCloudClient;
let sentBefore: number;

beforeAll(async () => {
  sandbox = await openSandbox();
  ({ client } = await sandbox.signedIn('demo'));
  sentBefore = (await sandbox.requests()).length;
});
afterAll(async () => {
  await sandbox.close();
});

describe('client-side validation', () => {
  it.each(cases)('rejects before sending: $rule', async ({ field, call }) => {
    const error = await appErrorOf(call(client));
    expect(error.kind).toBe('validation');
    expect(error.field).toBe(field);
    expect(error.message).toMatch(/^[A-Z].*\.$/);
  });

  it('sent none of those requests', async () => {
    expect((await sandbox.requests()).length).toBe(sentBefore);
  });

  it('accepts the documented examples, which the sandbox then accepts too', async () => {
    await client.setBundle({
      name: 'DEVELOPER',
      paymentMethod: 'pm_1MrQQuEt48Mjl075t4BHF9pw',
      address: {
        company: 'GreenCloud',
        street: 'My House 8295',
        city: 'Parana',
        district: 'Entre Rios',
        postCode: '3100',
        country: 'AR',
      },
    });
    expect((await sandbox.requests()).length).toBe(sentBefore + 1);
  });
});
