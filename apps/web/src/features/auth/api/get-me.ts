import type { Me } from '@library/domain/api';
import { useQuery } from '@tanstack/react-query';
import { getQuery } from '../../../lib/api-query.ts';

/** GET /api/me's answer (the domain's schema, which the BFF's OpenAPI document is made from). */
export type { Me };

export const meQueryKey = ['me'] as const;

export const meQueryOptions = () => getQuery<Me, typeof meQueryKey>(meQueryKey, '/me');

export function useMe() {
  return useQuery(meQueryOptions());
}
