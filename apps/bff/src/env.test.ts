import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from './env.ts';

describe('configuration', () => {
  it('has working defaults', () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(8080);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.DEMO_DATA).toBe(true);
    expect(env.MAIL_FROM).toBe('library@city.yanagawa.lg.jp');
    expect(env.PUSH_ALLOW_LOOPBACK_ENDPOINTS).toBe(false);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ LIBRARY_TODAY: '2021-02-30' }, 'LIBRARY_TODAY'],
    [{ DEMO_DATA: 'maybe' }, 'DEMO_DATA'],
    [{ SMTP_URL: 'http://mail' }, 'SMTP_URL'],
    [{ NOTIFICATION_INTERVAL_SECONDS: '1' }, 'NOTIFICATION_INTERVAL_SECONDS'],
    [{ PUSH_ALLOW_LOOPBACK_ENDPOINTS: 'sometimes' }, 'PUSH_ALLOW_LOOPBACK_ENDPOINTS'],
    [{ PUBLIC_ORIGIN: 'library.city.example.jp' }, 'PUBLIC_ORIGIN'],
    [{ PUBLIC_ORIGIN: 'https://library.city.example.jp/portal' }, 'PUBLIC_ORIGIN'],
    [{ PUBLIC_ORIGIN: 'ftp://library.city.example.jp' }, 'PUBLIC_ORIGIN'],
  ])('stops with a message naming the variable for %j', (source, name) => {
    expect(() => parseEnv(source)).toThrow(ConfigError);
    expect(() => parseEnv(source)).toThrow(new RegExp(`${name}:`));
  });

  it('takes PUBLIC_ORIGIN as an origin (a trailing slash is fine), unset by default', () => {
    expect(parseEnv({}).PUBLIC_ORIGIN).toBeUndefined();
    expect(parseEnv({ PUBLIC_ORIGIN: 'https://Library.City.example.jp/' }).PUBLIC_ORIGIN).toBe(
      'https://library.city.example.jp',
    );
    expect(parseEnv({ PUBLIC_ORIGIN: 'http://localhost:8080' }).PUBLIC_ORIGIN).toBe('http://localhost:8080');
    expect(parseEnv({}).NOTIFICATION_INTERVAL_SECONDS).toBe(300);
  });

  it('accepts memory:// and postgres:// URLs', () => {
    expect(parseEnv({ DATABASE_URL: 'memory://' }).DATABASE_URL).toBe('memory://');
    expect(parseEnv({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/x' }).DATABASE_URL).toContain(
      'postgres://',
    );
  });

  it('takes PUBLIC_ORIGIN as an origin (a trailing slash is dropped) or leaves it unset', () => {
    expect(parseEnv({}).PUBLIC_ORIGIN).toBeUndefined();
    expect(parseEnv({ PUBLIC_ORIGIN: 'https://Renew.example.jp/' }).PUBLIC_ORIGIN).toBe(
      'https://renew.example.jp',
    );
    expect(parseEnv({ PUBLIC_ORIGIN: 'http://localhost:8080' }).PUBLIC_ORIGIN).toBe('http://localhost:8080');
  });
});
