// Checks a request body with the app's own zod schemas and validate() from src-main/common, so
// the sandbox refuses exactly what the app refuses, and turns the failure into the published
// 400 VALIDATION_FAILED body with the field's dotted path.

import type { z } from 'zod';
import { AppError } from '../src-main/common/app-error';
import { validate } from '../src-main/common/validate';
import { SandboxError } from './http-reply';

export function checkBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  try {
    return validate(schema, body);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    throw validationFailed(readable(error.message, error.field), error.field);
  }
}

export function validationFailed(message: string, field?: string): SandboxError {
  return new SandboxError(400, 'VALIDATION_FAILED', message, field === undefined ? {} : { field });
}

// zod's built-in messages ("Invalid input: expected object, received undefined") are for
// developers; the shared schemas word the common cases, and this covers the rest in a sentence.
function readable(message: string, field: string | undefined): string {
  if (!message.startsWith('Invalid input')) return message;
  return field === undefined
    ? 'The request body must be a JSON object with the documented fields.'
    : `${field} is missing or has the wrong type.`;
}
