import { DomainError, validationKeys } from '@library/domain';
import { safeParse } from 'zod/mini';
import type { $ZodError, $ZodType, output } from 'zod/v4/core';

/** Field → message (a catalog key) of the first issue for each field. */
export function fieldErrors(error: $ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join('.') : '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

/**
 * Words an issue the schema left unworded (zod's defaults are English internals, e.g. "Invalid
 * input: expected object, received null"). Per-parse, so every message a schema of
 * packages/domain sets itself still wins.
 */
const catalogMessage = (issue: { path?: PropertyKey[] }) =>
  issue.path && issue.path.length > 0 ? validationKeys.field : validationKeys.body;

/** Any zod schema of the shared domain: classic, or zod/mini where the SPA needs it small. */
export function parseWith<S extends $ZodType>(schema: S, input: unknown): output<S> {
  const result = safeParse(schema, input, { error: catalogMessage });
  if (!result.success) {
    throw new DomainError('validation_failed', {
      fields: fieldErrors(result.error),
    });
  }
  return result.data;
}
