// One way to check a value against a zod schema and fail with the common error: the first problem,
// its dotted field path, and a sentence. Used by the client, the bridge and the sandbox alike.

import type { z } from 'zod';
import { AppError } from './app-error';

export function validate<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join('.') || undefined;
  throw new AppError({
    kind: 'validation',
    message: issue?.message ?? 'Some of the details are not valid.',
    field,
  });
}
