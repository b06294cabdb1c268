import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, requestLineLogger, scrubText } from './logger.ts';

describe('scrubText', () => {
  it('masks patron numbers, dates and email addresses in free text', () => {
    expect(scrubText('550 5.1.1 <hanako.suzuki@example.jp>: Recipient address rejected')).toBe(
      '550 5.1.1 <***@example.jp>: Recipient address rejected',
    );
    expect(scrubText('key (number)=(100000001) on 1975-04-08')).toBe(
      'key (number)=(******001) on ****-**-**',
    );
  });
});

describe('requestLineLogger', () => {
  it("writes to its logger's output at its level; the logger itself still redacts", () => {
    const lines: Record<string, unknown>[] = [];
    const out = new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    });
    const logger = createLogger('info', out);
    const requestLine = requestLineLogger(logger);
    requestLine.debug({ path: '/api/loans' }, 'request');
    requestLine.info({ requestId: 'r-1', method: 'GET', path: '/api/loans', status: 200, ms: 1 }, 'request');
    logger.info({ token: 'secret-token' }, 'other');
    expect(lines).toEqual([
      expect.objectContaining({ msg: 'request', requestId: 'r-1', path: '/api/loans', status: 200 }),
      expect.objectContaining({ msg: 'other', token: '[redacted]' }),
    ]);
  });
});
