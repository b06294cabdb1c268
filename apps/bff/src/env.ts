import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isPlainDate, RENEWAL_REASONS, type RenewalReason } from '@library/domain';
import { z } from 'zod';

/** The repository root: `.data/` and the built SPA are found from here. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** http(s)://host[:port], nothing after it but an optional slash. */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      /^https?:$/.test(url.protocol) && url.pathname === '/' && !url.search && !url.hash && !url.username
    );
  } catch {
    return false;
  }
}

/** SIP2_REASON_PATTERNS: a JSON file `{ "reason_code": "regex", … }`, read and compiled at start. */
export interface ReasonPattern {
  reason: RenewalReason;
  pattern: RegExp;
}

const reasonPatternsFile = z.string().transform((path, ctx): ReasonPattern[] => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `cannot read ${path} as JSON (${(error as Error).message})` });
    return z.NEVER;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    ctx.addIssue({
      code: 'custom',
      message: `${path} must hold one JSON object of {"reason_code": "regex"}`,
    });
    return z.NEVER;
  }
  const patterns: ReasonPattern[] = [];
  for (const [reason, source] of Object.entries(parsed)) {
    if (!(RENEWAL_REASONS as readonly string[]).includes(reason)) {
      ctx.addIssue({
        code: 'custom',
        message: `${path}: "${reason}" is not a reason code (one of ${RENEWAL_REASONS.join(', ')})`,
      });
      continue;
    }
    if (typeof source !== 'string' || source === '') {
      ctx.addIssue({
        code: 'custom',
        message: `${path}: the pattern of "${reason}" must be a non-empty string`,
      });
      continue;
    }
    try {
      // Case-insensitive: ILS messages differ in case between versions ("Item has outstanding holds").
      patterns.push({ reason: reason as RenewalReason, pattern: new RegExp(source, 'iu') });
    } catch (error) {
      ctx.addIssue({
        code: 'custom',
        message: `${path}: the pattern of "${reason}" is not a regex (${(error as Error).message})`,
      });
    }
  }
  return patterns;
});

const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(8080),
    HOST: z.string().min(1).default('0.0.0.0'),
    /** unset → PGlite under DATA_DIR/pglite; memory:// → in-memory PGlite; postgres://… → a server. */
    DATABASE_URL: z
      .string()
      .refine((v) => v === 'memory://' || /^postgres(ql)?:\/\/.+/.test(v), {
        error: 'must be memory:// or postgres://user@host:port/database',
      })
      .optional(),
    /** Named prepared statements on a PostgreSQL server; `false` behind PgBouncer in transaction mode. */
    DATABASE_PREPARED_STATEMENTS: booleanString.default(true),
    DATA_DIR: z.string().min(1).default(`${repoRoot}.data`),
    LIBRARY_TODAY: z
      .string()
      .refine(isPlainDate, { error: 'must be a real date written YYYY-MM-DD' })
      .optional(),
    DEMO_DATA: booleanString.default(true),
    SMTP_URL: z
      .string()
      .refine((v) => /^smtps?:\/\/.+/.test(v), { error: 'must be smtp://host:port or smtps://…' })
      .optional(),
    MAIL_FROM: z.email({ error: 'must be an email address' }).default('library@city.yanagawa.lg.jp'),
    /** auto: Secure cookies (and the __Host- prefix) only when the request came over https. */
    COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
    STATIC_DIR: z.string().min(1).default(`${repoRoot}apps/web/dist`),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Trust X-Forwarded-For / -Proto from a reverse proxy in front of the BFF. */
    TRUST_PROXY: booleanString.default(false),
    /** Login and registration attempts a minute per client address (429 beyond); the lockout is per number. */
    AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(60),

    /** How often each BFF process looks for reminders and overdue notices to send (docs/product.md §10). */
    NOTIFICATION_INTERVAL_SECONDS: z.coerce.number().int().min(10).max(86_400).default(300),
    /**
     * Accept web-push endpoints on https://127.0.0.1 / https://localhost (tests and development stand
     * in for the push service there). Off in production: the BFF posts to every endpoint it keeps.
     */
    PUSH_ALLOW_LOOPBACK_ENDPOINTS: booleanString.default(false),
    /**
     * The origin patrons' browsers use (`https://library.city.example.jp`): the only `Origin` a
     * state-changing request may carry. Unset: the address the server listens on,
     * `http://localhost:<port>` (and the loopback literals), or — behind TRUST_PROXY — the forwarded host.
     */
    PUBLIC_ORIGIN: z
      .string()
      .refine(isOrigin, { error: 'must be an origin: https://host[:port], no path' })
      .transform((v) => new URL(v).origin)
      .optional(),
    /**
     * A file descriptor the starting process opened for us (packages/test-kit passes 3): once
     * listening, the BFF writes one JSON line `{"event":"listening","url","port"}` to it and closes it.
     */
    READY_FD: z.coerce.number().int().min(3).max(1023).optional(),
    /** Where loans, holds and renewals live: our own tables, or the library's ILS over SIP2 (docs/product.md §9). */
    CIRCULATION: z.enum(['local', 'sip2'], { error: 'must be local or sip2' }).default('local'),
    SIP2_HOST: z.string().min(1).optional(),
    SIP2_PORT: z.coerce.number({ error: 'must be a port number' }).int().min(1).max(65535).default(6001),
    /** Login 93: CN / CO. */
    SIP2_USER: z.string().min(1).optional(),
    SIP2_PASSWORD: z.string().min(1).optional(),
    /** AO. */
    SIP2_INSTITUTION: z.string().min(1).optional(),
    /** CP, optional. */
    SIP2_LOCATION: z.string().min(1).optional(),
    SIP2_TLS: booleanString.default(false),
    SIP2_ENCODING: z.enum(['utf-8', 'shift_jis'], { error: 'must be utf-8 or shift_jis' }).default('utf-8'),
    /** AY sequence + AZ checksum on requests, verified on answers. */
    SIP2_ERROR_DETECTION: booleanString.default(true),
    SIP2_TIMEOUT_MS: z.coerce
      .number({ error: 'must be milliseconds' })
      .int()
      .min(100)
      .max(120_000)
      .default(5000),
    /** Logged-in connections kept open. */
    SIP2_POOL: z.coerce.number({ error: 'must be a number of connections' }).int().min(1).max(64).default(4),
    /** ils: patrons log in with the ILS's PIN (63 CQ); portal: the portal keeps its own passwords. */
    SIP2_PASSWORDS: z.enum(['ils', 'portal'], { error: 'must be ils or portal' }).default('ils'),
    SIP2_REASON_PATTERNS: reasonPatternsFile.optional(),
  })
  .superRefine((env, ctx) => {
    if (env.CIRCULATION !== 'sip2') return;
    for (const name of ['SIP2_HOST', 'SIP2_USER', 'SIP2_PASSWORD', 'SIP2_INSTITUTION'] as const) {
      if (env[name] === undefined) {
        ctx.addIssue({ code: 'custom', path: [name], message: 'is required when CIRCULATION=sip2' });
      }
    }
  });

export type Env = z.infer<typeof envSchema>;

/**
 * Where links in mail and calendar feeds point: PUBLIC_ORIGIN, or unset the address this
 * process serves (http://localhost:PORT; server.ts puts the port actually taken when PORT=0).
 */
export function linkOrigin(env: Pick<Env, 'PUBLIC_ORIGIN' | 'PORT'>): string {
  return env.PUBLIC_ORIGIN ?? `http://localhost:${env.PORT}`;
}

export class ConfigError extends Error {}

/** Parses the environment once; a bad value stops start-up with a message naming the variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}
