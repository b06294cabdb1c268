import type { RenewalResponse, RenewalResult } from '@library/domain/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { loansQueryKey } from './get-loans.ts';

/** One loan's outcome of POST /api/renewals (the domain's schema). */
export type { RenewalResult };

export interface RenewLoansInput {
  loanIds: number[];
  /** One per confirmation: a retried or double-sent request replays the first answer. */
  idempotencyKey: string;
}

export function renewLoans({ loanIds, idempotencyKey }: RenewLoansInput) {
  return api<RenewalResponse>('/renewals', {
    method: 'POST',
    body: { loanIds },
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

/** A random key; crypto.randomUUID exists only in secure contexts, getRandomValues everywhere. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function useRenewLoans() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: renewLoans,
    // Due dates changed: the list and the portal's 貸出状況 (the `me` query) must be read again.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: loansQueryKey }),
        queryClient.invalidateQueries({ queryKey: ['me'] }),
      ]),
  });
}
