// Awaits a call that must fail and returns its AppError, so a test can check kind, field and
// sentence together. Anything else thrown (or a success) fails the test.

import { AppError } from '../../../../src-main/common/app-error';

export async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw new Error(`expected an AppError, got ${String(error)}`);
  }
  throw new Error('expected the call to fail, but it succeeded');
}
