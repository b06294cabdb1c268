import type { Me } from '@library/domain/api';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** GET /api/me's answer (the domain's schema, which the BFF's OpenAPI document is made from). */
export type { Me };

export const meQueryKey = ['me'] as const;

export function getMe(): Promise<Me> {
  return api<Me>('/me');
}

export const meQueryOptions = () => queryOptions({ queryKey: meQueryKey, queryFn: getMe });

export function useMe() {
  return useQuery(meQueryOptions());
}
