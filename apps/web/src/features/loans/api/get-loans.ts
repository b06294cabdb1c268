import type { MaterialType, PatronBlock, PlainDate, RenewalReason } from '@library/domain';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

export interface LoanRenewalPreview {
  eligible: boolean;
  reason?: RenewalReason;
  newDueDate?: PlainDate;
  availableFrom?: PlainDate;
}

export interface Loan {
  id: number;
  no: number;
  /** Null when the circulation system does not tell (an ILS over SIP2 has no loan date). */
  loanedOn: PlainDate | null;
  dueDate: PlainDate;
  branch: { code: string; name: string };
  title: string;
  materialType: MaterialType;
  category: string;
  overdue: boolean;
  renewal: LoanRenewalPreview;
}

export interface LoanPage {
  page: number;
  pageSize: number;
  totalPages: number;
  total: number;
  blocked: PatronBlock;
  /** The ILS's own words about the block (SIP2 AF), when it gave any. */
  blockMessage?: string;
  items: Loan[];
}

export const loansQueryKey = ['loans'] as const;

export function getLoans(page: number): Promise<LoanPage> {
  return api<LoanPage>(`/loans?page=${page}`);
}

export const loansQueryOptions = (page: number) =>
  queryOptions({
    queryKey: [...loansQueryKey, page],
    queryFn: () => getLoans(page),
    // The list is a preview of what renewing would do today; keep it fresh.
    staleTime: 0,
    placeholderData: keepPreviousData,
  });

export function useLoans(page: number) {
  return useQuery(loansQueryOptions(page));
}
