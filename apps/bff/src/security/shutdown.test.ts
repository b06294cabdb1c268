import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { type BffProcess, startBff } from '@library/test-kit';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Graceful shutdown: SIGTERM to a real BFF process while a request is still arriving. The
 * request is answered, new connections are refused, the database (PGlite on disk) is closed
 * cleanly — it opens again and holds what the last request wrote — and the process exits 0.
 */

const dataDir = mkdtempSync(join(tmpdir(), 'bff-shutdown-'));
let bff: BffProcess | undefined;

afterAll(() => {
  if (bff?.alive()) bff.child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('graceful shutdown', () => {
  it('SIGTERM finishes the request in flight, refuses new ones, closes the database and exits 0', {
    timeout: 120_000,
  }, async () => {
    bff = await startBff({
      env: { DATA_DIR: dataDir, LIBRARY_TODAY: '2021-01-20', STATIC_DIR: '/nonexistent', LOG_LEVEL: 'info' },
    });
    const { port, output, exited } = bff;

    // A login whose body is still arriving when SIGTERM comes.
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          path: '/api/session',
          method: 'POST',
          headers: { 'content-type': 'application/json', connection: 'keep-alive' },
        },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (d) => {
            body += d;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      req.write('{"patronNumber":"100000001",');
      setTimeout(() => {
        bff!.child.kill('SIGTERM');
        setTimeout(() => {
          req.end('"password":"tosho2021"}');
        }, 700);
      }, 500);
    });

    // While it drains, nobody new gets in.
    await new Promise((r) => setTimeout(r, 900));
    await expect(fetch(`http://127.0.0.1:${port}/api/health`)).rejects.toThrow();

    const { status, body } = await answer;
    expect(status).toBe(200);
    expect(JSON.parse(body)).toEqual({ patron: { number: '100000001', name: 'ヤナガワタロウ' } });

    expect(await exited).toBe(0);
    expect(output()).toContain('shutting down');
    expect(output()).toContain('stopped: requests finished, database closed');

    // Closed cleanly: the database opens again and holds the session the last request created.
    const db = await PGlite.create(join(dataDir, 'pglite'));
    try {
      const { rows } = await db.query<{ n: number }>(
        "select count(*)::int as n from audit_log where event = 'login_succeeded'",
      );
      expect(rows[0]!.n).toBe(1);
    } finally {
      await db.close();
    }
  });
});
