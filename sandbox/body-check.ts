// Checks a request body with the app's own zod schemas and validate() from src-main/common, so
// the sandbox refuses exactly what the app refuses, and turns the failure into the published
// 400 VALIDATION_FAILED body with the field's dotted path.

import type { z } from 'zod';
import { AppError } from '../src-main/common/app-error';
import { defaultShapeSentence, validate } from '../src-main/common/validate';
import { SandboxError } from './http-reply';

export function checkBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  try {
    return validate(schema, body, (field) =>
      field === undefined
        ? 'The request body must be a JSON object with the documented fields.'
        : defaultShapeSentence(field),
    );
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    throw validationFailed(error.message, error.field);
  }
}

export function validationFailed(message: string, field?: string): SandboxError {
  return new SandboxError(400, 'VALIDATION_FAILED', message, field === undefined ? {} : { field });
}
