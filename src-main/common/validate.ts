// One way to check a value against a zod schema and fail with the common error: the first problem,
// its dotted field path, and a sentence. Used by the client, the bridge and the sandbox alike.

import type { z } from 'zod';
import { AppError } from './app-error';

// zod's built-in wording ("Invalid input: expected object, received number") is for developers.
// The shared schemas word every rule a person can break; what is left (a wrong type, a missing
// object) only a broken or foreign caller meets, and it still gets a sentence.
const zodBuiltIn = /^(Invalid|Unrecognized key|Too (small|big))/;

/** The sentence for a value of the wrong shape; callers may word it for their own audience. */
export type ShapeSentence = (field: string | undefined) => string;

export const defaultShapeSentence: ShapeSentence = (field) =>
  field === undefined
    ? 'The details sent are not in the expected form.'
    : `${field} is missing or has the wrong type.`;

export function validate<S extends z.ZodType>(
  schema: S,
  value: unknown,
  shapeSentence: ShapeSentence = defaultShapeSentence,
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join('.') || undefined;
  const message = issue?.message;
  throw new AppError({
    kind: 'validation',
    message: message === undefined || zodBuiltIn.test(message) ? shapeSentence(field) : message,
    field,
  });
}
