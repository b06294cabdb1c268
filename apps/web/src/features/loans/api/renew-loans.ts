import type { PlainDate, RenewalReason } from '@library/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { loansQueryKey } from './get-loans.ts';

export type RenewalResult =
  | { loanId: number; title: string; ok: true; previousDueDate: PlainDate; newDueDate: PlainDate }
  | {
      loanId: number;
      title?: string;
      ok: false;
      reason: RenewalReason;
      availableFrom?: PlainDate;
      /** The ILS's own text for `ils_refused`, shown verbatim. */
      message?: string;
    };

export interface RenewLoansInput {
  loanIds: number[];
  /** One per confirmation: a retried or double-sent request replays the first answer. */
  idempotencyKey: string;
}

export function renewLoans({ loanIds, idempotencyKey }: RenewLoansInput) {
  return api<{ results: RenewalResult[] }>('/renewals', {
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
