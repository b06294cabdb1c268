import { describe, expect, it } from 'vitest';
import { calendarKeys, calendarQuerySchema } from './calendar-query.ts';

describe('calendar query', () => {
  it('accepts the documented parameters and leaves defaults to the server', () => {
    expect(calendarQuerySchema.parse({})).toEqual({});
    expect(calendarQuerySchema.parse({ branch: 'mitsuhashi', from: '2021-01', months: '12' })).toEqual({
      branch: 'mitsuhashi',
      from: '2021-01',
      months: 12,
    });
  });

  it.each([
    [{ months: '0' }, 'months', calendarKeys.monthsInvalid],
    [{ months: '13' }, 'months', calendarKeys.monthsInvalid],
    [{ months: '1.5' }, 'months', calendarKeys.monthsInvalid],
    [{ months: '' }, 'months', calendarKeys.monthsInvalid],
    [{ from: '2021-13' }, 'from', calendarKeys.fromInvalid],
    [{ from: '2021-01-01' }, 'from', calendarKeys.fromInvalid],
    [{ branch: 'Main Library' }, 'branch', calendarKeys.branchInvalid],
  ])('refuses %o', (input, field, message) => {
    const result = calendarQuerySchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({ path: [field], message });
  });
});
