import { z } from 'zod';
import { LANGUAGES } from '../i18n/translate.ts';
import { PATRON_BLOCKS } from '../renewal/patron-block.ts';
import { RENEWAL_REASONS } from '../renewal/renewal-reasons.ts';

/** A calendar date as the API writes it: `YYYY-MM-DD` (dates/plain-date.ts). */
export const plainDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** A month as the API writes it: `YYYY-MM`. */
export const yearMonthSchema = z.string().regex(/^\d{4}-\d{2}$/);
/** A patron number as answers carry it: nine digits, normalised. */
export const patronNumberAnswerSchema = z.string().regex(/^\d{9}$/);
/** R5's block (renewal/patron-block.ts): why the patron can renew nothing, or null. */
export const patronBlockSchema = z.enum(PATRON_BLOCKS).nullable();
export const renewalReasonSchema = z.enum(RENEWAL_REASONS);
export const languageSchema = z.enum(LANGUAGES);
