import { describe, expect, it } from 'vitest';
import { scrubText } from './logger.ts';

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
