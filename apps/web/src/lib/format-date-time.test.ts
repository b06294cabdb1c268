import { describe, expect, it } from 'vitest';
import { formatDateTimeJa } from './format-date-time.ts';

describe('formatDateTimeJa', () => {
  it('shows the instant in Tokyo as 2021/01/20 10:15', () => {
    expect(formatDateTimeJa(Date.parse('2021-01-20T01:15:00Z'))).toBe('2021/01/20 10:15');
  });

  it('uses the Tokyo date across UTC midnight, on a 24-hour clock', () => {
    expect(formatDateTimeJa(Date.parse('2021-01-20T15:05:59Z'))).toBe('2021/01/21 00:05');
    expect(formatDateTimeJa(Date.parse('2021-01-20T14:59:00Z'))).toBe('2021/01/20 23:59');
  });
});
