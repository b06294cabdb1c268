import { sessions } from '@library/bff/db/schema';
import { newToken, SESSION_ABSOLUTE_MS } from '@library/bff/services/sessions';
import type { PlainDate } from '@library/domain';
import { sql } from 'drizzle-orm';
import type postgres from 'postgres';
import { type Db, findSession, loanPage, renewLoans, sha256 } from './bff.ts';
import { groupsOf, type RecordedQuery, recordSql } from './record-sql.ts';

/** Patron ids spread evenly over 1…patrons. */
export function spread(patrons: number, count: number): number[] {
  const n = Math.min(patrons, count);
  return Array.from({ length: n }, (_, i) => 1 + Math.floor((i * patrons) / n));
}

/**
 * Logged-in sessions without the login: rows in the shape the session service writes (a
 * 256-bit token, only its SHA-256 stored), so the benchmark measures the API, not argon2.
 * Returns patron id → cookie value.
 */
export async function createSessions(
  db: Db,
  patronIds: number[],
  now = new Date(),
): Promise<Map<number, string>> {
  const tokens = new Map<number, string>();
  const rows = patronIds.map((patronId) => {
    const id = newToken();
    tokens.set(patronId, id);
    return {
      idHash: sha256(id),
      patronId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
    };
  });
  for (let i = 0; i < rows.length; i += 5000) await db.insert(sessions).values(rows.slice(i, i + 5000));
  // The BFF's own lookup must accept them.
  const [first] = tokens;
  if (first && !(await findSession(db, first[1], now))) throw new Error('a bench session is not accepted');
  return tokens;
}

/** pgbench cannot hash: its sessions have a computable id_hash (64 characters, like a SHA-256). */
export const PGBENCH_SESSION_HASH = (patronExpr: string) =>
  `('pgbench-' || lpad(${patronExpr}::text, 56, '0'))`;

export async function createPgbenchSessions(db: Db, patrons: number): Promise<void> {
  await db.execute(
    sql.raw(`insert into sessions (id_hash, patron_id, created_at, last_seen_at, expires_at)
      select ${PGBENCH_SESSION_HASH('g')}, g, now(), now(), now() + interval '12 hours'
      from generate_series(1, ${patrons}) g`),
  );
}

const isDriverHousekeeping = (q: RecordedQuery) => q.sql.includes('pg_catalog.pg_type');
/** findSession refreshes last_seen_at at most once a minute per session: not per request. */
const isSessionTouch = (q: RecordedQuery) => /^update "sessions" set "last_seen_at"/.test(q.sql);

/** What GET /api/loans runs for each patron: the session lookup, then the page (4 statements). */
export async function recordLoanLists(
  url: string,
  tokens: Map<number, string>,
  today: PlainDate,
): Promise<RecordedQuery[][]> {
  const perRequest: RecordedQuery[][] = [];
  for (const [patronId, token] of tokens) {
    const recorded = await recordSql(url, async (db) => {
      await findSession(db, token, new Date());
      await loanPage(db, { patronId, today, page: 1, pageSize: 10 });
    });
    perRequest.push(recorded.filter((q) => !isDriverHousekeeping(q) && !isSessionTouch(q)));
  }
  return perRequest;
}

/** A bind value as pgbench passes it: text as is, an array as a PostgreSQL array literal. */
function pgbenchValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    const item = (v: unknown) =>
      typeof v === 'number' ? String(v) : `"${String(v).replace(/["\\]/g, '\\$&')}"`;
    return `{${value.map(item).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The SQL of one POST /api/renewals for one loan, recorded from the BFF's services on a loan
 * set aside for it, turned into a pgbench script: the loan and its patron become pgbench
 * variables computed per transaction (the k-th renewable loan, see dataset.ts), every other
 * parameter is passed as a -D variable, so each statement is sent with bind parameters, as
 * postgres.js sends it.
 */
export async function renewalPgbenchScript(options: {
  url: string;
  loanId: number;
  patronId: number;
  token: string;
  today: PlainDate;
}): Promise<{ script: string; variables: Record<string, string>; statements: RecordedQuery[] }> {
  const { loanId, patronId } = options;
  const statements = (
    await recordSql(options.url, async (db) => {
      await findSession(db, options.token, new Date());
      const results = await renewLoans(db, [loanId], {
        patronId,
        today: options.today,
        requestId: 'pgbench',
        channel: 'web',
      });
      if (!results[0]?.ok) throw new Error(`the recorded renewal was refused: ${JSON.stringify(results)}`);
    })
  ).filter((q) => !isDriverHousekeeping(q) && !isSessionTouch(q));
  const sessionHash = sha256(options.token);
  const variables: Record<string, string> = {};
  const lines = [
    '-- One POST /api/renewals of one loan, as the BFF runs it (recorded from its services).',
    '\\set iter :iter + 1',
    '\\set k :kbase + :client_id + :clients * (:iter - 1)',
    '\\set loan 10 * (:k / 9) + (:k % 9) + 1',
    '\\set patron ((:loan - 1) % :patrons) + 1',
  ];
  let i = 0;
  for (const group of groupsOf(statements)) {
    // What the BFF sends together, pgbench sends together too (one pipeline, one sync).
    if (group.length > 1) lines.push('\\startpipeline');
    for (const s of group) {
      const index = i++;
      const text = s.sql
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/\$(\d+)/g, (_, n: string) => {
          const value = s.params[Number(n) - 1];
          if (value === loanId) return ':loan';
          if (value === patronId) return ':patron';
          if (value === sessionHash) return PGBENCH_SESSION_HASH(':patron');
          const name = `s${index}p${n}`;
          variables[name] = pgbenchValue(value);
          return `:${name}`;
        });
      lines.push(`${text};`);
    }
    if (group.length > 1) lines.push('\\endpipeline');
  }
  return { script: `${lines.join('\n')}\n`, variables, statements };
}

/**
 * The recorded renewal's statements for another loan: the raw-driver baseline runs these, with
 * the loan, its patron and the patron's session put in place of the recorded ones.
 */
export function renewalStatementsFor(
  recorded: { statements: RecordedQuery[]; loanId: number; patronId: number; sessionHash: string },
  loan: { loanId: number; patronId: number; sessionHash: string; requestId: string },
): RecordedQuery[] {
  return recorded.statements.map((s) => ({
    ...s,
    params: s.params.map((value) => {
      if (value === recorded.loanId) return loan.loanId;
      if (value === recorded.patronId) return loan.patronId;
      if (value === recorded.sessionHash) return loan.sessionHash;
      if (value === 'pgbench') return loan.requestId;
      return value;
    }),
  }));
}

export interface PlanScan {
  node: string;
  relation?: string;
  index?: string;
}

/** The scans of each statement's plan (EXPLAIN, not executed). */
export async function explain(sqlClient: postgres.Sql, statements: RecordedQuery[]) {
  const out: { sql: string; scans: PlanScan[] }[] = [];
  for (const s of statements) {
    if (/^(begin|commit)\b/i.test(s.sql.trim())) continue;
    const [row] = await sqlClient.unsafe(`explain (format json) ${s.sql}`, s.params as never[]);
    const scans: PlanScan[] = [];
    const walk = (node: Record<string, unknown>) => {
      const type = node['Node Type'] as string;
      if (/Scan/.test(type)) {
        scans.push({
          node: type,
          ...(node['Relation Name'] ? { relation: node['Relation Name'] as string } : {}),
          ...(node['Index Name'] ? { index: node['Index Name'] as string } : {}),
        });
      }
      for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
    };
    walk((row as unknown as { 'QUERY PLAN': { Plan: Record<string, unknown> }[] })['QUERY PLAN'][0]!.Plan);
    out.push({ sql: s.sql.replace(/\s+/g, ' ').trim(), scans });
  }
  return out;
}

/**
 * Tables small by nature, where a sequential scan is the right plan: 3 branches, and the
 * closed days (≈ 70 a year per branch) when a page spans every branch.
 */
export const TINY_TABLES = new Set(['branches', 'closed_days']);
