import { randomUUID } from 'node:crypto';
import { errorMessages } from '@library/domain';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { ApiError, errorBody } from './api-error.ts';
import type { AppDeps, AppEnv } from './app-env.ts';

export const BODY_LIMIT_BYTES = 32 * 1024;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Errors from the database driver when the server is unreachable or restarting. */
function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: string } | undefined)?.code;
  return (
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET' ||
    code === 'CONNECTION_CLOSED' ||
    code === 'CONNECTION_ENDED' ||
    code === 'CONNECTION_DESTROYED' ||
    code === 'CONNECT_TIMEOUT' ||
    code === '57P01' || // admin_shutdown
    code === '57P03' // cannot_connect_now
  );
}

/**
 * The Hono app with what every route shares, installed once: request id, request log,
 * security headers, body limit, same-origin check, and the one error shape.
 */
export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.use(async (c, next) => {
    const requestId = randomUUID();
    const logger = deps.logger.child({ requestId });
    c.set('requestId', requestId);
    c.set('logger', logger);
    c.header('X-Request-Id', requestId);
    const started = performance.now();
    await next();
    if (c.req.path.startsWith('/api')) {
      logger.info(
        {
          method: c.req.method,
          path: c.req.path,
          status: c.res.status,
          ms: Math.round(performance.now() - started),
        },
        'request',
      );
    }
  });

  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        manifestSrc: ["'self'"],
        workerSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      referrerPolicy: 'same-origin',
      xFrameOptions: 'DENY',
      // HSTS only means something over https; browsers ignore it on http.
      strictTransportSecurity: 'max-age=31536000; includeSubDomains',
      crossOriginEmbedderPolicy: false,
    }),
  );

  app.use(
    '/api/*',
    bodyLimit({
      maxSize: BODY_LIMIT_BYTES,
      onError: () => {
        throw new ApiError(413, 'payload_too_large');
      },
    }),
  );

  // CSRF: a state-changing request must come from our own origin. Browsers always send Origin
  // or Sec-Fetch-Site with such requests; tools that send neither are not a CSRF vector.
  app.use('/api/*', async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method)) {
      const origin = c.req.header('origin');
      const fetchSite = c.req.header('sec-fetch-site');
      const url = new URL(c.req.url);
      const host =
        (deps.env.TRUST_PROXY && c.req.header('x-forwarded-host')) || c.req.header('host') || url.host;
      const proto =
        (deps.env.TRUST_PROXY && c.req.header('x-forwarded-proto')) || url.protocol.replace(':', '');
      const crossOrigin =
        (origin !== undefined && origin !== `${proto}://${host}`) ||
        (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none');
      if (crossOrigin) throw new ApiError(403, 'forbidden', 'このページからの操作は受け付けられません。');
    }
    c.header('Cache-Control', 'no-store');
    await next();
  });

  app.notFound((c) => c.json(errorBody('not_found', errorMessages.not_found), 404));

  app.onError((error, c) => {
    if (error instanceof ApiError) {
      for (const [name, value] of Object.entries(error.options.headers ?? {})) c.header(name, value);
      return c.json(errorBody(error.code, error.message, error.options.fields), error.status);
    }
    const logger = c.get('logger') ?? deps.logger;
    if (isDatabaseUnavailable(error)) {
      logger.error(
        { err: { message: error.message, code: (error as { code?: string }).code } },
        'database unavailable',
      );
      c.header('Retry-After', '5');
      return c.json(errorBody('service_unavailable', errorMessages.service_unavailable), 503);
    }
    logger.error({ err: { message: error.message, name: error.name } }, 'unhandled error');
    return c.json(errorBody('internal_error', errorMessages.internal_error), 500);
  });

  return app;
}
