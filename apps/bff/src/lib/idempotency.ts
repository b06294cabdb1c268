import { idempotencyKeySchema, idempotencyKeys } from '@library/domain';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  claimIdempotencyKey,
  pruneIdempotencyKeys,
  releaseIdempotencyKey,
  requestHash,
  storeIdempotentAnswer,
} from '../services/renewal-idempotency.ts';
import { DomainError, HTTP_STATUS } from './api-error.ts';
import type { AppDeps, AppEnv } from './app-env.ts';

/**
 * `Idempotency-Key` (docs/product.md §6, R7) for a route behind `requireSession`: without the
 * header the route just runs. With it, the first request's answer — a success or a decided
 * refusal — is kept for the patron and key, and a retry of the same request gets it again
 * (`Idempotent-Replayed: true`); a different request under the key is 422, one still running
 * 409 with Retry-After. `requestOf` reads what makes two requests the same (it validates the
 * body first, so a bad body is refused exactly as without a key).
 */
export function idempotent(deps: AppDeps, requestOf: (c: Context<AppEnv>) => Promise<unknown>) {
  const { db, clock } = deps;
  return createMiddleware<AppEnv>(async (c, next) => {
    const key = c.req.header('idempotency-key');
    if (key === undefined) return next();
    const request = await requestOf(c);
    if (!idempotencyKeySchema.safeParse(key).success) {
      throw new DomainError('validation_failed', {
        fields: { 'Idempotency-Key': idempotencyKeys.invalid },
      });
    }
    const { patronId } = c.get('session');
    const now = clock.now();
    await pruneIdempotencyKeys(db, patronId, now);
    const claim = await claimIdempotencyKey(db, { patronId, key, hash: requestHash(request), now });
    if (claim.kind === 'replay') {
      c.header('Idempotent-Replayed', 'true');
      return c.json(claim.body as object, claim.status as ContentfulStatusCode);
    }
    if (claim.kind === 'mismatch') {
      throw new DomainError('idempotency_key_mismatch', {
        message: idempotencyKeys.idempotency_key_mismatch,
      });
    }
    if (claim.kind === 'in_progress') {
      throw new DomainError('idempotency_in_progress', {
        message: idempotencyKeys.idempotency_in_progress,
        retryAfterSeconds: 1,
      });
    }

    // The route's error, if any, was already answered by the app's error handler (Hono keeps it
    // in c.error). A decided refusal (the patron is blocked) is the first answer too; anything
    // else — a failure, or the ILS unreachable (503) — decided nothing, so the key is freed for
    // the client's retry.
    await next();
    const error = c.error;
    if (error && (!(error instanceof DomainError) || HTTP_STATUS[error.code] === 503)) {
      await releaseIdempotencyKey(db, { patronId, key }).catch(() => {});
      return;
    }
    const body: unknown = await c.res.clone().json();
    await storeIdempotentAnswer(db, { patronId, key, status: c.res.status, body });
  });
}
