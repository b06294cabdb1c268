import { errorKey } from '@library/domain';
import { createMiddleware } from 'hono/factory';
import { ApiError } from './api-error.ts';
import type { AppDeps, AppEnv } from './app-env.ts';

export const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The origin this request was addressed to, as the browser saw it. */
export function requestOrigin(url: string, headers: Headers, trustProxy: boolean): string {
  const parsed = new URL(url);
  const forwardedHost = trustProxy ? headers.get('x-forwarded-host')?.split(',')[0]?.trim() : undefined;
  const forwardedProto = trustProxy ? headers.get('x-forwarded-proto')?.split(',')[0]?.trim() : undefined;
  const host = forwardedHost || headers.get('host') || parsed.host;
  const proto = forwardedProto || parsed.protocol.replace(':', '');
  return `${proto}://${host}`.toLowerCase();
}

/**
 * CSRF defence for every state-changing request, whatever its Content-Type (Hono's `csrf()`
 * looks only at form types): a browser sends `Origin` and/or `Sec-Fetch-Site` with every
 * POST/PUT/DELETE, and both must name our own origin. `Origin: null` (sandboxed frames,
 * some redirects) and `Sec-Fetch-Site: same-site` (a sibling subdomain) are refused too.
 * A request with neither header does not come from a browser page, so it is not a CSRF vector.
 */
export function sameOrigin(deps: AppDeps) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method)) {
      const origin = c.req.header('origin');
      const fetchSite = c.req.header('sec-fetch-site');
      const own = requestOrigin(c.req.url, c.req.raw.headers, deps.env.TRUST_PROXY);
      const crossOrigin =
        (origin !== undefined && origin.toLowerCase() !== own) ||
        (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none');
      if (crossOrigin) throw new ApiError(403, 'forbidden', errorKey('forbidden_origin'));
    }
    await next();
  });
}
