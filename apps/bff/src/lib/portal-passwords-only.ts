import { createMiddleware } from 'hono/factory';
import { assertPortalPasswords } from '../services/passwords.ts';
import type { AppDeps, AppEnv } from './app-env.ts';

/**
 * 新規パスワード登録 and パスワードを忘れた方 exist only with portal passwords. With
 * SIP2_PASSWORDS=ils every step answers 403 `registration_not_available` before the body is
 * read: whatever was sent (valid, invalid, not JSON), nothing is validated, no identity is
 * checked, no lockout counted — the one answer tells no more than `GET /api/session`'s
 * `passwordMode` already does.
 */
export function portalPasswordsOnly(deps: Pick<AppDeps, 'circulation'>) {
  return createMiddleware<AppEnv>(async (_c, next) => {
    assertPortalPasswords(deps.circulation);
    await next();
  });
}
