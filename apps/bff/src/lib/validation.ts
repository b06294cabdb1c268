import type { Context } from 'hono';
import type { $ZodType, output } from 'zod/v4/core';
import { parseWith } from '../services/validation.ts';
import { DomainError } from './api-error.ts';

export { parseWith } from '../services/validation.ts';

/**
 * The one reader of a request's JSON body: malformed JSON is a 400 `invalid_json`. The value is
 * not checked — for the workflows whose schema depends on what the body names (a token's patron).
 */
export async function jsonValue(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new DomainError('invalid_json');
  }
}

/** Reads a JSON body and validates it with the shared schema. */
export async function jsonBody<S extends $ZodType>(c: Context, schema: S): Promise<output<S>> {
  return parseWith(schema, await jsonValue(c));
}
