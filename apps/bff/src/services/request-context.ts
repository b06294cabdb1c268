import type { Language } from '@library/domain';
import type { Logger } from '../lib/logger.ts';

/** What a workflow needs to know of the request that started it — nothing of HTTP. */
export interface RequestContext {
  /** Written to the audit trail and the log. */
  requestId: string;
  logger: Logger;
  /** The request's language: the mails' when the patron saved none (docs/product.md §12). */
  lang: Language;
  /** The client's address, for the lockout per number and address (ADR 0016); none in in-process tests. */
  clientAddress: string | undefined;
}
