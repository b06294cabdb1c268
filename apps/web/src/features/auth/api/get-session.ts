import type { SessionInfo } from '@library/domain/api';
import { useQuery } from '@tanstack/react-query';
import { getQuery } from '../../../lib/api-query.ts';

/**
 * Who is signed in: `patron` is null without a session (GET /api/session always answers 200);
 * `passwordMode` says how patrons get a password (the domain's schema).
 */
export type { SessionInfo };

export const sessionQueryKey = ['session'] as const;

export const sessionQueryOptions = () =>
  getQuery<SessionInfo, typeof sessionQueryKey>(sessionQueryKey, '/session');

/**
 * For the header on every page, public ones included: unlike GET /api/me (401 without a
 * session, docs/product.md §6) it never fails for a visitor, so a public page logs no failed request.
 */
export function useSession() {
  return useQuery(sessionQueryOptions());
}
