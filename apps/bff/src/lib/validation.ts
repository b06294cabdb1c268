import { errorMessages } from '@library/domain';
import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError } from './api-error.ts';

/** Field → message of the first issue for each field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join('.') : '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

export function parseWith<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new ApiError(400, 'validation_failed', errorMessages.validation_failed, {
      fields: fieldErrors(result.error),
    });
  }
  return result.data;
}

/** Reads a JSON body and validates it with the shared schema; malformed JSON is a 400. */
export async function jsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw new ApiError(400, 'invalid_json');
  }
  return parseWith(schema, raw);
}
