import type { Loan, LoanPage, LoanRenewalPreview } from '@library/domain/api';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** GET /api/loans's page, rows and previews (the domain's schemas). */
export type { Loan, LoanPage, LoanRenewalPreview };

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
