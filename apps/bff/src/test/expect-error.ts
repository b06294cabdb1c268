import { expect } from 'vitest';

interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON answers
  body: any;
}

/** The answer is an API error `{error: {code, message}}` with this status and code. */
export function expectError(res: Answer, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.body.error.code).toBe(code);
}

/** A 400 validation_failed that names exactly `fields`. */
export function expectInvalidFields(res: Answer, fields: string[]) {
  expectError(res, 400, 'validation_failed');
  expect(Object.keys(res.body.error.fields)).toEqual(fields);
}
