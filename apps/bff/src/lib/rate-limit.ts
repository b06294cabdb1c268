import { isIPv6 } from 'node:net';
import { rateLimiter } from 'hono-rate-limiter';
import { DomainError } from './api-error.ts';
import type { AppDeps, AppEnv } from './app-env.ts';
import { clientAddress } from './client-address.ts';

export const RATE_LIMIT_WINDOW_MS = 60_000;

/** Expands an IPv6 address into its 8 groups (no `::`). */
function ipv6Groups(address: string): string[] {
  const [head = '', tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<string>(Math.max(0, missing)).fill('0'), ...right];
}

/**
 * The rate-limit key of an address. One IPv6 host usually owns a whole /64, so IPv6 is
 * counted per /64 prefix; an IPv4-mapped address counts as its IPv4 address.
 */
export function rateLimitKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  const bare = address.split('%')[0]!; // zone index
  if (!isIPv6(bare)) return address;
  const groups = ipv6Groups(bare.toLowerCase())
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''));
  return `${groups.join(':')}::/64`;
}

/**
 * Per-client-address limit on the authentication endpoints: at most
 * AUTH_RATE_LIMIT_PER_MINUTE attempts a minute, then 429 `rate_limited` with Retry-After.
 * Generous on purpose (a library's public PCs or a city office share one address): the
 * per-number lockout, counted in the database, is the real guard against guessing. The count
 * is kept in this process's memory; with several BFF processes each allows the limit.
 * Requests without a socket address (only in-process tests) are not counted.
 */
export function authRateLimit(deps: AppDeps) {
  const limit = deps.env.AUTH_RATE_LIMIT_PER_MINUTE;
  return rateLimiter<AppEnv>({
    windowMs: RATE_LIMIT_WINDOW_MS,
    limit,
    standardHeaders: 'draft-6',
    skip: (c) => clientAddress(c, deps) === undefined,
    keyGenerator: (c) => rateLimitKey(clientAddress(c, deps) ?? ''),
    handler: (c) => {
      const info = (c.get as (key: string) => { resetTime?: Date } | undefined)('rateLimit');
      const seconds = info?.resetTime
        ? Math.max(1, Math.ceil((info.resetTime.getTime() - Date.now()) / 1000))
        : RATE_LIMIT_WINDOW_MS / 1000;
      throw new DomainError('rate_limited', { retryAfterSeconds: seconds });
    },
  });
}
