import type { DatasetSize } from './dataset.ts';
import type { LighthouseResult } from './lighthouse.ts';
import type { Figure } from './measure.ts';
import type { PlanScan } from './workloads.ts';

export interface Scenario {
  name: string;
  dataset: DatasetSize;
  concurrency: number;
  ours: Figure;
  baseline: Figure & { name: string };
  /** An empty Hono route on the same stack, same concurrency, same run (floor-server.ts). */
  floor?: Figure;
  /** ours / baseline throughput to reach; none for a baseline shown only to explain. */
  target?: number;
}

export interface Results {
  date: string;
  machine: { node: string; cores: number; postgres: string };
  settings: Record<string, unknown>;
  scenarios: Scenario[];
  growth: {
    concurrency: number;
    smallP50: number;
    largeP50: number;
    baselineRatio?: number;
    target: number;
  }[];
  explain: { query: string; sql: string; scans: PlanScan[] }[];
  pglite: { concurrency: number; pglite: Figure; postgres: Figure }[];
  bundle?: {
    routes: Record<string, { url: string; firstVisit: { js: { gzip: number }; css: { gzip: number } } }>;
    journey: { js: { gzip: number }; css: { gzip: number } };
    checks: { name: string; gzip: number; target: number; targetMet: boolean }[];
  };
  lighthouse?: LighthouseResult[];
  notes: string[];
}

const n0 = (n: number) => n.toFixed(0);
const n2 = (n: number) => n.toFixed(2);
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const mark = (ok: boolean) => (ok ? '✔' : '✖');
const cpu = (f?: Figure) => (f?.cpuUsPerRequest === undefined ? '—' : n0(f.cpuUsPerRequest));

export function renderMarkdown(r: Results): string {
  const lines: string[] = [
    `# Benchmark ${r.date.slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Node ${r.machine.node}, ${r.machine.cores} cores, PostgreSQL ${r.machine.postgres}; ${JSON.stringify(r.settings)}`,
    '',
    '## Throughput against the baseline (ratios: absolute numbers on a shared 2-core machine are noise)',
    '',
    'CPU = user + system time of the process that served the requests, per request (µs): the BFF, the',
    "bench's own process for the raw driver; pgbench's is not measured. Floor = an empty Hono route",
    '(GET `{"ok":true}`, POST echoing a small JSON body) on the same Node.js / @hono/node-server / Hono,',
    'in a process of its own, same concurrency, measured right after: what HTTP costs before any work.',
    '',
    '| scenario | c | ours req/s | p50 | p99 | ours CPU µs | baseline | base req/s | p50 | p99 | base CPU µs | ours / baseline | target | floor req/s | floor CPU µs |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |',
  ];
  for (const s of r.scenarios) {
    const ratio = s.ours.rps / s.baseline.rps;
    lines.push(
      `| ${s.name} | ${s.concurrency} | ${n0(s.ours.rps)} | ${n2(s.ours.p50)} | ${n2(s.ours.p99)} | ${cpu(s.ours)} | ${s.baseline.name} | ${n0(s.baseline.rps)} | ${n2(s.baseline.p50)} | ${n2(s.baseline.p99)} | ${cpu(s.baseline)} | ${n2(ratio)} | ${s.target === undefined ? '—' : `${mark(ratio >= s.target)} ≥ ${s.target}`} | ${s.floor ? n0(s.floor.rps) : '—'} | ${cpu(s.floor)} |`,
    );
  }
  lines.push('', '## Growth: loans-list p50 with 1 M loans against 1 k', '');
  lines.push(
    'p50 measured to the microsecond by a closed-loop client of our own (autocannon counts whole milliseconds).',
    '',
    '| c | p50 small | p50 large | ratio | target | raw driver, same statements: p50 large / small |',
    '| ---: | ---: | ---: | ---: | --- | ---: |',
  );
  for (const g of r.growth) {
    const ratio = g.largeP50 / g.smallP50;
    lines.push(
      `| ${g.concurrency} | ${n2(g.smallP50)} ms | ${n2(g.largeP50)} ms | ${n2(ratio)} | ${mark(ratio <= g.target)} ≤ ${g.target} | ${g.baselineRatio === undefined ? '—' : n2(g.baselineRatio)} |`,
    );
  }
  lines.push('', '## Plans of the hot queries (EXPLAIN on the large dataset)', '');
  for (const e of r.explain) {
    const scans = e.scans.map(
      (s) => `${s.node}${s.index ? ` using ${s.index}` : ''}${s.relation ? ` on ${s.relation}` : ''}`,
    );
    lines.push(`- ${e.query}: \`${e.sql.slice(0, 90)}…\` → ${scans.join('; ') || 'no scan (insert)'}`);
  }
  if (r.pglite.length) {
    lines.push('', '## PGlite (embedded default) against PostgreSQL, GET /api/loans, small dataset', '');
    lines.push(
      '| c | PGlite req/s | p50 | p99 | PostgreSQL req/s | p50 | PGlite / PostgreSQL |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const p of r.pglite) {
      lines.push(
        `| ${p.concurrency} | ${n0(p.pglite.rps)} | ${n2(p.pglite.p50)} | ${n2(p.pglite.p99)} | ${n0(p.postgres.rps)} | ${n2(p.postgres.p50)} | ${n2(p.pglite.rps / p.postgres.rps)} |`,
      );
    }
  }
  if (r.bundle) {
    lines.push('', '## Front end: JS and CSS a first visit downloads (gzip)', '');
    lines.push('| route | JS | CSS |', '| --- | ---: | ---: |');
    for (const route of Object.values(r.bundle.routes)) {
      lines.push(`| ${route.url} | ${kb(route.firstVisit.js.gzip)} | ${kb(route.firstVisit.css.gzip)} |`);
    }
    lines.push(
      `| renewal journey /login → /portal → /portal/loans | ${kb(r.bundle.journey.js.gzip)} | ${kb(r.bundle.journey.css.gzip)} |`,
      '',
    );
    for (const c of r.bundle.checks)
      lines.push(`- ${mark(c.targetMet)} ${c.name}: ${kb(c.gzip)} (target ${kb(c.target)})`);
  }
  if (r.lighthouse) {
    lines.push(
      '',
      '## Lighthouse 12.2.3, mobile (targets: performance ≥ 95, accessibility 100, best practices 100)',
      '',
    );
    lines.push(
      '| page | performance | accessibility | best practices | FCP | LCP | TBT | CLS×1000 | audits below 0.9 |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    );
    for (const l of r.lighthouse) {
      const s = l.scores;
      const m = l.metrics;
      lines.push(
        `| ${l.url} | ${s.performance} | ${s.accessibility} | ${s['best-practices']} | ${m.firstContentfulPaintMs} ms | ${m.largestContentfulPaintMs} ms | ${m.totalBlockingTimeMs} ms | ${m.cumulativeLayoutShift1000} | ${l.failedAudits.join(', ')} |`,
      );
    }
  }
  if (r.notes.length) lines.push('', '## Notes', '', ...r.notes.map((n) => `- ${n}`));
  return `${lines.join('\n')}\n`;
}
