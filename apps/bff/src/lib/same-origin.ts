import { errorKey } from '@library/domain';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { DomainError } from './api-error.ts';
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

/** The local port of the socket this request came in on (PORT=0 picks one at start). */
function localPort(c: Context): number | undefined {
  const incoming = (c.env as { incoming?: { socket?: { localPort?: number } } } | undefined)?.incoming;
  return incoming?.socket?.localPort;
}

/**
 * The origins a state-changing request may come from. PUBLIC_ORIGIN when configured. Unset, on a
 * real socket: the listening address — `http://localhost:<port>` and the loopback literals, and
 * HOST when it names one address — never the Host header, which a DNS-rebinding page controls.
 * Behind TRUST_PROXY without PUBLIC_ORIGIN, the forwarded host and scheme (the proxy's word).
 * In-process tests (no socket): the URL they asked for.
 */
export function allowedOrigins(c: Context, deps: AppDeps): string[] {
  const { PUBLIC_ORIGIN, TRUST_PROXY, HOST } = deps.env;
  if (PUBLIC_ORIGIN) return [PUBLIC_ORIGIN.toLowerCase()];
  if (TRUST_PROXY) return [requestOrigin(c.req.url, c.req.raw.headers, true)];
  const port = localPort(c);
  if (port === undefined) return [new URL(c.req.url).origin.toLowerCase()];
  const hosts = ['localhost', '127.0.0.1', '[::1]'];
  if (HOST !== '0.0.0.0' && HOST !== '::') hosts.push(HOST.includes(':') ? `[${HOST}]` : HOST.toLowerCase());
  return [...new Set(hosts)].map((host) => `http://${host}:${port}`);
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
      const crossOrigin =
        (origin !== undefined && !allowedOrigins(c, deps).includes(origin.toLowerCase())) ||
        (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none');
      if (crossOrigin) throw new DomainError('forbidden', { message: errorKey('forbidden_origin') });
    }
    await next();
  });
}
