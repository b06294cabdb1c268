import { describe, expect, it } from 'vitest';
import { calendarMessages, calendarQuerySchema } from './calendar-query.ts';

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
    [{ months: '0' }, 'months', calendarMessages.monthsInvalid],
    [{ months: '13' }, 'months', calendarMessages.monthsInvalid],
    [{ months: '1.5' }, 'months', calendarMessages.monthsInvalid],
    [{ months: '' }, 'months', calendarMessages.monthsInvalid],
    [{ from: '2021-13' }, 'from', calendarMessages.fromInvalid],
    [{ from: '2021-01-01' }, 'from', calendarMessages.fromInvalid],
    [{ branch: 'Main Library' }, 'branch', calendarMessages.branchInvalid],
  ])('refuses %o', (input, field, message) => {
    const result = calendarQuerySchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({ path: [field], message });
  });
});
