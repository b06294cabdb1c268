import { describe, expect, it } from 'vitest';
import { expectError } from '../../test/expect-error.ts';
import { client, signedIn } from '../../test/test-app.ts';
import { useTestApp } from '../../test/use-test-app.ts';

const t = useTestApp();

describe('GET /api/me', () => {
  it('is 401 in the error shape without a session', async () => {
    const res = await client(t.app).get('/api/me');
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: { code: 'unauthenticated', message: 'ログインしてください。' } });
  });

  it("summarises the patron's loans (the guide's 貸出状況)", async () => {
    const c = await signedIn(t.app, '100000001');
    const res = await c.get('/api/me');
    expect(res.status).toBe(200);
    expect(res.body.patron).toEqual({
      number: '100000001',
      name: 'ヤナガワタロウ',
      email: 'taro.yanagawa@example.jp',
    });
    expect(res.body.blocked).toBeNull();
    expect(res.body.loans).toHaveLength(8);
    expect(res.body.loans.slice(0, 3)).toEqual([
      { no: 1, title: 'マンガ日本の歴史 現代篇 3 大戦とデモクラシー', dueDate: '2021-01-25', overdue: false },
      { no: 2, title: 'マンガ日本の歴史 現代篇 2 大日本帝国の成立', dueDate: '2021-01-25', overdue: false },
      { no: 3, title: 'マンガ日本の歴史 現代篇 1 明治国家の経営', dueDate: '2021-01-25', overdue: false },
    ]);
  });

  it('marks the overdue patron as blocked and the overdue row', async () => {
    const c = await signedIn(t.app, '200000002');
    const res = await c.get('/api/me');
    expect(res.body.blocked).toBe('patron_has_overdue');
    expect(res.body.loans.map((l: { dueDate: string; overdue: boolean }) => [l.dueDate, l.overdue])).toEqual([
      ['2021-01-18', true],
      ['2021-01-25', false],
    ]);
  });
});

describe('errors', () => {
  it('answers unknown API routes with 404 in the error shape', async () => {
    const res = await client(t.app).get('/api/nothing-here');
    expectError(res, 404, 'not_found');
  });

  it('health tells which database it runs on', async () => {
    const res = await client(t.app).get('/api/health');
    expect(res.body).toEqual({
      status: 'ok',
      database: t.deps.dbKind,
      circulation: { backend: 'local', status: 'ok' },
    });
  });
});
