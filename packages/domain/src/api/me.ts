import { z } from 'zod';
import { patronBlockSchema, patronNumberAnswerSchema, plainDateSchema } from './common.ts';

/** One row of 利用者ポータル's 貸出状況. */
export const loanSummaryRowSchema = z.object({
  no: z.number().int().min(1),
  title: z.string(),
  dueDate: plainDateSchema,
  overdue: z.boolean(),
});

/** GET /api/me: the portal's patron, block banner and loan summary. */
export const meSchema = z.object({
  patron: z.object({ number: patronNumberAnswerSchema, name: z.string(), email: z.string().nullable() }),
  blocked: patronBlockSchema,
  /** The circulation system's own words about the block (SIP2 AF), when it gave any. */
  blockMessage: z.string().optional(),
  loans: z.array(loanSummaryRowSchema),
});
export type Me = z.output<typeof meSchema>;
export type PatronSummary = Omit<Me, 'patron'>;
