/**
 * Table-driven tests of the domain's field schemas and predicates (test code only: nothing in
 * src/ imports it but *.test.ts files).
 */
import { expect, it } from 'vitest';

interface ParseResult {
  success?: boolean;
  error?: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> };
}

/** A zod schema, classic or mini (the login's number schema is zod/mini). */
interface Schema {
  parse(input: unknown): unknown;
  safeParse(input: unknown): ParseResult;
}

/** The first message of each field ('a.b' for a nested one): what a form shows beside it. */
export function fieldMessages(result: ParseResult): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) out[issue.path.map(String).join('.')] ??= issue.message;
  return out;
}

/**
 * One test per input the schema accepts, with what it parses to. `normalise`, where given, is
 * the exported function the schema is built on: it must give the same.
 */
export function itAccepts(
  schema: Schema,
  cases: ReadonlyArray<readonly [input: unknown, expected: unknown]>,
  normalise?: (input: never) => unknown,
) {
  it.each(cases)('accepts %j as %j', (input, expected) => {
    if (normalise) expect(normalise(input as never)).toEqual(expected);
    expect(schema.parse(input)).toEqual(expected);
  });
}

/**
 * One test per input the schema refuses, with the message its first issue carries (a catalog
 * key: what the form shows). `onlyIssue`: and no other issue besides.
 */
export function itRefuses(
  schema: Schema,
  cases: ReadonlyArray<readonly [input: unknown, message: string]>,
  { onlyIssue = false } = {},
) {
  it.each(cases)('refuses %j with %s', (input, message) => {
    const result = schema.safeParse(input);
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((issue) => issue.message);
    if (onlyIssue) expect(messages).toEqual([message]);
    else expect(messages?.[0]).toBe(message);
  });
}

/** One test per value: the predicate holds for each of `valid` and for none of `invalid`. */
export function itTellsApart(
  predicate: (value: string) => boolean,
  cases: { valid: readonly string[]; invalid: readonly string[] },
) {
  const table = [
    ...cases.valid.map((value) => [value, true] as const),
    ...cases.invalid.map((value) => [value, false] as const),
  ];
  it.each(table)(`${predicate.name}(%j) is %s`, (value, expected) => {
    expect(predicate(value)).toBe(expected);
  });
}
