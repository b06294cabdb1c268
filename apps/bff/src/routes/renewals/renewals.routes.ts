import { idempotencyKeySchema, idempotencyKeys, renewalRequestSchema } from '@library/domain';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ApiError } from '../../lib/api-error.ts';
import type { AppDeps, AppEnv } from '../../lib/app-env.ts';
import { requireSession } from '../../lib/require-session.ts';
import { jsonBody } from '../../lib/validation.ts';
import {
  claimIdempotencyKey,
  pruneIdempotencyKeys,
  releaseIdempotencyKey,
  requestHash,
  storeIdempotentAnswer,
} from '../../services/renewal-idempotency.ts';

/** POST /api/renewals: renew one or many loans, each on its own, exactly once (docs/product.md R6–R8). */
export function renewalsRoutes(deps: AppDeps) {
  const { db, clock, circulation } = deps;
  return new Hono<AppEnv>().use(requireSession(deps)).post('/', async (c) => {
    const { patronId } = c.get('session');
    const requestId = c.get('requestId');
    const { loanIds } = await jsonBody(c, renewalRequestSchema);
    const rawKey = c.req.header('idempotency-key');
    if (rawKey !== undefined && !idempotencyKeySchema.safeParse(rawKey).success) {
      throw new ApiError(400, 'validation_failed', undefined, {
        fields: { 'Idempotency-Key': idempotencyKeys.invalid },
      });
    }
    const run = () =>
      circulation
        .renew(loanIds, { patronId, today: clock.today(), requestId, channel: 'web' })
        .then((results) => ({
          results,
        }));
    if (rawKey === undefined) return c.json(await run());

    const key = rawKey;
    const now = clock.now();
    await pruneIdempotencyKeys(db, patronId, now);
    const claim = await claimIdempotencyKey(db, { patronId, key, hash: requestHash(loanIds), now });
    if (claim.kind === 'replay') {
      c.header('Idempotent-Replayed', 'true');
      return c.json(claim.body as object, claim.status as ContentfulStatusCode);
    }
    if (claim.kind === 'mismatch') {
      throw new ApiError(422, 'idempotency_key_mismatch', idempotencyKeys.idempotency_key_mismatch);
    }
    if (claim.kind === 'in_progress') {
      throw new ApiError(409, 'idempotency_in_progress', idempotencyKeys.idempotency_in_progress, {
        headers: { 'Retry-After': '1' },
      });
    }

    let answer: { status: ContentfulStatusCode; body: object };
    try {
      answer = { status: 200, body: await run() };
    } catch (error) {
      // A decided refusal (the patron is blocked) is the first answer too; anything else —
      // a failure, or the ILS unreachable (503) — decided nothing, so the key is freed for the
      // client's retry.
      if (!(error instanceof ApiError) || error.status === 503) {
        await releaseIdempotencyKey(db, { patronId, key }).catch(() => {});
        throw error;
      }
      answer = { status: error.status, body: error.body(c.get('lang')) };
    }
    await storeIdempotentAnswer(db, { patronId, key, ...answer });
    return c.json(answer.body, answer.status);
  });
}
