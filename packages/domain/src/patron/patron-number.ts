// zod/mini, not classic zod: this schema is on the login page, where every KB counts (the
// classic API costs ≈ 18 KB gz more). Mini schemas are core schemas: classic z.object() takes
// them as fields (registration-schemas.ts), and the BFF parses them like any other.
import { z } from 'zod/mini';
import { patronNumberKeys } from './patron-number-texts.ts';

export * from './patron-number-texts.ts';

export const PATRON_NUMBER_LENGTH = 9;
export const PATRON_NUMBER_PREFIXES = ['100', '200', '300'] as const;

/**
 * I1: full-width digits → half-width (NFKC), spaces and hyphens dropped, and the Codabar
 * start/stop letters of a pasted `A100012345A` stripped.
 */
export function normalizePatronNumber(input: string): string {
  const compact = input.normalize('NFKC').replace(/[\s\-‐－ー―]/g, '');
  const codabar = /^[A-Da-d](\d+)[A-Da-d]$/.exec(compact);
  return codabar ? codabar[1]! : compact;
}

export function isValidPatronNumber(value: string): boolean {
  return /^\d{9}$/.test(value) && PATRON_NUMBER_PREFIXES.some((p) => value.startsWith(p));
}

export const patronNumberSchema = z.pipe(
  z.pipe(z.string({ error: patronNumberKeys.required }), z.transform(normalizePatronNumber)),
  z
    .string()
    .check(z.minLength(1, patronNumberKeys.required), z.refine(isValidPatronNumber, patronNumberKeys.format)),
);

/** For logs: all but the last 3 digits masked. */
export function maskPatronNumber(value: string): string {
  return value.length <= 3 ? '***' : `${'*'.repeat(value.length - 3)}${value.slice(-3)}`;
}
