import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from '../env.ts';

const dir = mkdtempSync(join(tmpdir(), 'circulation-env-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

const sip2 = {
  CIRCULATION: 'sip2',
  SIP2_HOST: 'ils.example.lg.jp',
  SIP2_USER: 'portal',
  SIP2_PASSWORD: 'secret',
  SIP2_INSTITUTION: 'YANAGAWA',
};

describe('CIRCULATION and the SIP2_* settings (docs/product.md §9)', () => {
  it('defaults to the local tables, and to SPEC’s SIP2 defaults', () => {
    expect(parseEnv({}).CIRCULATION).toBe('local');
    expect(parseEnv(sip2)).toMatchObject({
      CIRCULATION: 'sip2',
      SIP2_PORT: 6001,
      SIP2_TLS: false,
      SIP2_ENCODING: 'utf-8',
      SIP2_ERROR_DETECTION: true,
      SIP2_TIMEOUT_MS: 5000,
      SIP2_POOL: 4,
      SIP2_PASSWORDS: 'ils',
    });
  });

  it.each([
    [{ CIRCULATION: 'koha' }, 'CIRCULATION'],
    [{ ...sip2, SIP2_HOST: undefined }, 'SIP2_HOST'],
    [{ ...sip2, SIP2_USER: undefined }, 'SIP2_USER'],
    [{ ...sip2, SIP2_PASSWORD: undefined }, 'SIP2_PASSWORD'],
    [{ ...sip2, SIP2_INSTITUTION: undefined }, 'SIP2_INSTITUTION'],
    [{ ...sip2, SIP2_PORT: '70000' }, 'SIP2_PORT'],
    [{ ...sip2, SIP2_TLS: 'sometimes' }, 'SIP2_TLS'],
    [{ ...sip2, SIP2_ENCODING: 'euc-jp' }, 'SIP2_ENCODING'],
    [{ ...sip2, SIP2_ERROR_DETECTION: 'perhaps' }, 'SIP2_ERROR_DETECTION'],
    [{ ...sip2, SIP2_TIMEOUT_MS: '10' }, 'SIP2_TIMEOUT_MS'],
    [{ ...sip2, SIP2_POOL: '0' }, 'SIP2_POOL'],
    [{ ...sip2, SIP2_PASSWORDS: 'both' }, 'SIP2_PASSWORDS'],
    [{ ...sip2, SIP2_REASON_PATTERNS: '/nonexistent/patterns.json' }, 'SIP2_REASON_PATTERNS'],
  ])('stops with a message naming the variable for %j', (source, name) => {
    expect(() => parseEnv(source)).toThrow(ConfigError);
    expect(() => parseEnv(source)).toThrow(new RegExp(`${name}:`));
  });

  it('reads SIP2_REASON_PATTERNS and compiles each pattern (case-insensitive), in file order', () => {
    const path = file(
      'ok.json',
      JSON.stringify({ reserved: 'outstanding holds|予約', already_renewed: 'renewal limit' }),
    );
    const patterns = parseEnv({ ...sip2, SIP2_REASON_PATTERNS: path }).SIP2_REASON_PATTERNS!;
    expect(patterns.map((p) => p.reason)).toEqual(['reserved', 'already_renewed']);
    expect(patterns[0]!.pattern.test('Item has Outstanding Holds')).toBe(true);
  });

  it.each([
    ['not JSON', '{reserved:'],
    ['not an object', '["reserved"]'],
    ['an unknown reason code', '{"on_hold": "holds"}'],
    ['a pattern that is not a regex', '{"reserved": "(unclosed"}'],
    ['a pattern that is not a string', '{"reserved": 3}'],
  ])('refuses a patterns file with %s, naming the variable', (name, content) => {
    const path = file(`${name.replaceAll(' ', '-')}.json`, content);
    expect(() => parseEnv({ ...sip2, SIP2_REASON_PATTERNS: path })).toThrow(/SIP2_REASON_PATTERNS:/);
  });
});
