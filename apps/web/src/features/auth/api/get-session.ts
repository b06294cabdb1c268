import type { Language } from '@library/domain';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** Who is signed in: `patron` is null without a session (GET /api/session always answers 200). */
export interface SessionInfo {
  /** `language`: the patron's saved choice, when there is one (SPEC §12). */
  patron: { number: string; name: string; language?: Language } | null;
  /**
   * How patrons get a password: `portal` (新規パスワード登録, パスワードを忘れた方) or `ils`
   * (CIRCULATION=sip2 with SIP2_PASSWORDS=ils: the ILS's PIN, managed at the library counter).
   */
  passwordMode: 'portal' | 'ils';
}

export const sessionQueryKey = ['session'] as const;

export function getSession(): Promise<SessionInfo> {
  return api<SessionInfo>('/session');
}

export const sessionQueryOptions = () => queryOptions({ queryKey: sessionQueryKey, queryFn: getSession });

/**
 * For the header on every page, public ones included: unlike GET /api/me (401 without a
 * session, docs/product.md §6) it never fails for a visitor, so a public page logs no failed request.
 */
export function useSession() {
  return useQuery(sessionQueryOptions());
}
