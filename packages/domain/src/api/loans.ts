import { z } from 'zod';
import { MATERIAL_TYPES } from '../loans/material.ts';
import { patronBlockSchema, plainDateSchema, renewalReasonSchema } from './common.ts';

/** A loan's renewal preview: eligible (with the new due date, unless the ILS decides it) or why not. */
export const loanRenewalPreviewSchema = z.union([
  z.object({ eligible: z.literal(true), newDueDate: plainDateSchema.optional() }),
  z.object({
    eligible: z.literal(false),
    reason: renewalReasonSchema,
    availableFrom: plainDateSchema.optional(),
  }),
]);
export type LoanRenewalPreview = z.output<typeof loanRenewalPreviewSchema>;

export const loanSchema = z.object({
  id: z.number().int(),
  no: z.number().int().min(1),
  /** Null when the circulation system does not tell (SIP2 has no loan date). */
  loanedOn: plainDateSchema.nullable(),
  dueDate: plainDateSchema,
  branch: z.object({ code: z.string(), name: z.string() }),
  title: z.string(),
  materialType: z.enum(MATERIAL_TYPES),
  category: z.string(),
  overdue: z.boolean(),
  renewal: loanRenewalPreviewSchema,
});
export type Loan = z.output<typeof loanSchema>;

/** GET /api/loans: one page of 貸出一覧. */
export const loanPageSchema = z.object({
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
  totalPages: z.number().int().min(1),
  total: z.number().int().min(0),
  blocked: patronBlockSchema,
  /** The circulation system's own words about the block (SIP2 AF), when it gave any. */
  blockMessage: z.string().optional(),
  items: z.array(loanSchema),
});
export type LoanPage = z.output<typeof loanPageSchema>;

/** One loan's outcome in POST /api/renewals: each loan on its own (R8). */
export const renewalResultSchema = z.union([
  z.object({
    loanId: z.number().int(),
    title: z.string(),
    ok: z.literal(true),
    previousDueDate: plainDateSchema,
    newDueDate: plainDateSchema,
  }),
  z.object({
    loanId: z.number().int(),
    title: z.string().optional(),
    ok: z.literal(false),
    reason: renewalReasonSchema,
    availableFrom: plainDateSchema.optional(),
    /** The circulation system's own text (SIP2 AF) for `ils_refused`, shown verbatim. */
    message: z.string().optional(),
  }),
]);
export type RenewalResult = z.output<typeof renewalResultSchema>;

/** POST /api/renewals. */
export const renewalResponseSchema = z.object({ results: z.array(renewalResultSchema) });
export type RenewalResponse = z.output<typeof renewalResponseSchema>;
