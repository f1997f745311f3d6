// readReply: Go's `null` for an empty field reads as absent at every depth, a null where a value
// is required is still refused, and a hostile reply nested far deeper than any GreenCloud reply is
// walked without recursion (no stack overflow).

import { describe, expect, it } from 'vitest';
import {
  accountResponse,
  invoiceDetailResponse,
  invoiceListResponse,
  readReply,
} from '../../../src-main/common/api-schemas';

describe('readReply', () => {
  it('drops null fields at every depth and keeps what is there', () => {
    const parsed = readReply(invoiceDetailResponse, {
      amount: 9.99,
      currency: null,
      status: 'paid',
      paidDay: '1700000000',
      payment: { card: { brand: 'visa', last4: null }, receiptUrl: null },
    });
    expect(parsed.success && parsed.data).toEqual({
      amount: 9.99,
      status: 'paid',
      paidDay: 1700000000,
      payment: { card: { brand: 'visa' } },
    });
    expect(parsed.success && 'currency' in parsed.data).toBe(false);
  });

  it('still refuses null where a value is required', () => {
    expect(readReply(accountResponse, { id: 'u1', email: null }).success).toBe(false);
    expect(readReply(invoiceDetailResponse, { amount: null, status: 'paid' }).success).toBe(false);
  });

  it('keeps a null list item, which is not an absent field', () => {
    expect(readReply(invoiceListResponse, [null]).success).toBe(false);
    expect(readReply(invoiceListResponse, null)).toEqual({ success: true, data: [] });
  });

  it('walks a reply nested a million deep without overflowing the stack', () => {
    const depth = 1_000_000;
    const text = '{"a":'.repeat(depth) + 'null' + '}'.repeat(depth);
    const hostile = JSON.parse(text) as unknown;
    const started = performance.now();
    const parsed = readReply(accountResponse, hostile);
    expect(parsed.success).toBe(false);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
