import type { PatronBlock, PlainDate } from '@library/domain';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

export interface Me {
  patron: { number: string; name: string; email: string | null };
  blocked: PatronBlock;
  /** The ILS's own words about the block (SIP2 AF), when it gave any. */
  blockMessage?: string;
  loans: { no: number; title: string; dueDate: PlainDate; overdue: boolean }[];
}

export const meQueryKey = ['me'] as const;

export function getMe(): Promise<Me> {
  return api<Me>('/me');
}

export const meQueryOptions = () => queryOptions({ queryKey: meQueryKey, queryFn: getMe });

export function useMe() {
  return useQuery(meQueryOptions());
}
