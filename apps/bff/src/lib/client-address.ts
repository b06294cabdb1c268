import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppDeps } from './app-env.ts';

/**
 * The client's address: the socket's peer, or — behind a trusted reverse proxy
 * (TRUST_PROXY=true) — the last X-Forwarded-For entry, the one that proxy added. Earlier
 * entries are whatever the client wrote, so trusting them would let anyone pick an address.
 */
export function clientAddress(c: Context, deps: AppDeps): string | undefined {
  if (deps.env.TRUST_PROXY) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined; // app.request() in tests has no socket
  }
}
