import { randomUUID } from 'node:crypto';
import { errorKey, negotiateLanguage, t } from '@library/domain';
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { DomainError, errorAnswer, errorBody } from './api-error.ts';
import type { AppDeps, AppEnv } from './app-env.ts';
import './i18n.ts';
import { jsonLimits } from './json-limits.ts';
import { requestLineLogger, scrubText } from './logger.ts';
import { authRateLimit } from './rate-limit.ts';
import { requestLogger } from './request-context.ts';
import { sameOrigin } from './same-origin.ts';

export const BODY_LIMIT_BYTES = 32 * 1024;

/**
 * Permissions-Policy (ASVS 14.4): the camera on our own origin only, for the card scanner to
 * come (reading the Codabar number from the card); every other powerful feature off, for our
 * pages and anything they might embed. Only features Chromium knows (an unknown one is a
 * console error on every page).
 */
export const PERMISSIONS_POLICY: NonNullable<Parameters<typeof secureHeaders>[0]>['permissionsPolicy'] = {
  camera: ['self'],
  microphone: [],
  geolocation: [],
  payment: [],
  usb: [],
  serial: [],
  bluetooth: [],
  hid: [],
  midi: [],
  displayCapture: [],
  screenWakeLock: [],
  publickeyCredentialsGet: [],
  accelerometer: [],
  gyroscope: [],
  magnetometer: [],
  fullscreen: [],
  autoplay: [],
  pictureInPicture: [],
  encryptedMedia: [],
  idleDetection: [],
  xrSpatialTracking: [],
  localFonts: [],
  windowManagement: [],
  browsingTopics: [],
  clipboardRead: [],
};

const hasNoBody = (method: string) => method === 'GET' || method === 'HEAD';

/** The error and its causes (drizzle wraps the driver's error in a DrizzleQueryError). */
function errorChain(error: unknown): Array<Error & { code?: string }> {
  const chain: Array<Error & { code?: string }> = [];
  let current: unknown = error;
  while (current instanceof Error && chain.length < 5) {
    chain.push(current);
    current = current.cause;
  }
  return chain;
}

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000', // connection_exception
  '08003', // connection_does_not_exist
  '08006', // connection_failure
]);

/** The path as the request log writes it: a calendar feed's secret token never reaches a log. */
export function loggablePath(path: string): string {
  return path.startsWith('/api/calendar-feed/') ? '/api/calendar-feed/[redacted]' : path;
}

/** Errors from the database driver when the server is unreachable or restarting. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return errorChain(error).some((e) => e.code !== undefined && UNAVAILABLE_CODES.has(e.code));
}

/**
 * What the operator's log gets of an error: names, codes and the driver's message, scrubbed,
 * and the stack frames — never a query's parameters (they hold hashes, numbers, birth dates).
 */
export function describeError(error: unknown) {
  const chain = errorChain(error);
  const root = chain.at(-1);
  const top = chain[0];
  return {
    name: chain.map((e) => e.name).join(' < '),
    code: chain.find((e) => e.code !== undefined)?.code,
    message:
      root && root !== top
        ? scrubText(root.message)
        : scrubText(top?.message.split('\n')[0] ?? String(error)),
    stack: top?.stack
      ?.split('\n')
      .filter((line) => line.trimStart().startsWith('at '))
      .slice(0, 15)
      .join('\n'),
  };
}

/**
 * The Hono app with what every route shares, installed once: request id, request log,
 * security headers, body limit, no-store, same-origin check, JSON depth/size limits, the
 * per-address limit on authentication, and the one error shape.
 */
export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const requestLine = requestLineLogger(deps.logger);

  app.use(async (c, next) => {
    const requestId = randomUUID();
    c.set('requestId', requestId);
    // Answers (error messages, mails of this request) in the language the client asks for: the
    // SPA sends the one on screen, a browser its preferences; none of ours → Japanese.
    c.set('lang', negotiateLanguage(c.req.header('accept-language')));
    c.header('X-Request-Id', requestId);
    const started = performance.now();
    await next();
    if (c.req.path.startsWith('/api')) {
      requestLine.info(
        {
          requestId,
          method: c.req.method,
          path: loggablePath(c.req.path),
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
      permissionsPolicy: PERMISSIONS_POLICY,
    }),
  );

  // Answers from the API hold personal data: no cache keeps them, error answers included. Only
  // a public answer that says so itself (the OpenAPI document) may be kept.
  // On the answer's own headers, not `c.header()`: after the handler that would make Hono copy
  // the answer into a streamed one (@hono/node-server then writes it in chunks, not at once).
  app.use('/api/*', async (c, next) => {
    await next();
    if (c.res.status >= 400 || !c.res.headers.has('Cache-Control'))
      c.res.headers.set('Cache-Control', 'no-store');
  });

  // GET and HEAD carry no body (fetch drops one): asking for it would only make
  // @hono/node-server build a full Request per read — a measurable share of a loans-list request.
  const limitBody = bodyLimit({
    maxSize: BODY_LIMIT_BYTES,
    onError: () => {
      throw new DomainError('payload_too_large');
    },
  });
  const limitJson = jsonLimits();
  // A body with a Content-Length is checked on the header alone (Node's parser never reads past
  // it): Hono's bodyLimit asks `c.req.raw` for it, which makes @hono/node-server build a full
  // Request (streams, an AbortSignal) that the JSON reader's fast path then does not need — a
  // tenth of a renewal's CPU. A chunked body is counted as it is read, by bodyLimit.
  const limitAnyBody: MiddlewareHandler<AppEnv> = (c, next) => {
    if (hasNoBody(c.req.method)) return next();
    const length = c.req.header('content-length');
    if (length === undefined || c.req.header('transfer-encoding') !== undefined) return limitBody(c, next);
    if (Number(length) > BODY_LIMIT_BYTES) throw new DomainError('payload_too_large');
    return next();
  };
  app.use('/api/*', limitAnyBody);
  app.use('/api/*', sameOrigin(deps));
  app.use('/api/*', (c, next) => (hasNoBody(c.req.method) ? next() : limitJson(c, next)));

  // Guessing passwords or identities: per-address limit (the per-number lockout is in the database).
  const authLimit = authRateLimit(deps);
  app.on('POST', '/api/session', authLimit);
  app.use('/api/registration/*', authLimit);
  app.use('/api/password-reset/*', authLimit);
  app.on('PUT', '/api/me/password', authLimit);

  app.notFound((c) => c.json(errorBody('not_found', t(c.get('lang'), errorKey('not_found'))), 404));

  app.onError((error, c) => {
    // Every refusal of a service, a middleware or a route: its code's one status (api-error.ts).
    if (error instanceof DomainError) {
      const answer = errorAnswer(error, c.get('lang'));
      for (const [name, value] of Object.entries(answer.headers)) c.header(name, value);
      return c.json(answer.body, answer.status);
    }
    const logger = c.get('requestId') ? requestLogger(c, deps) : deps.logger;
    if (isDatabaseUnavailable(error)) {
      logger.error({ err: describeError(error) }, 'database unavailable');
      c.header('Retry-After', '5');
      return c.json(errorBody('service_unavailable', t(c.get('lang'), errorKey('service_unavailable'))), 503);
    }
    // The stack is for the operator's log only; the answer says nothing about it.
    logger.error({ err: describeError(error) }, 'unhandled error');
    return c.json(errorBody('internal_error', t(c.get('lang'), errorKey('internal_error'))), 500);
  });

  return app;
}
