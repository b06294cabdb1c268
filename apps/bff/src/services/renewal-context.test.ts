import { addDays } from '@library/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isClosedIn } from './renewal-context.ts';

describe('isClosedIn', () => {
  const date = fc.integer({ min: 0, max: 3000 }).map((d) => addDays('2020-01-01', d));

  it('answers as a Set of the comma-separated dates would, for any date asked', () => {
    fc.assert(
      fc.property(fc.uniqueArray(date, { maxLength: 40 }), date, (closed, asked) => {
        expect(isClosedIn(closed.join(','))(asked)).toBe(new Set(closed).has(asked));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds nothing in no closed days, and only whole entries', () => {
    expect(isClosedIn('')('2021-01-20')).toBe(false);
    // '2021-01-2' + '0,2' is no entry: only 10-character dates are ever asked.
    expect(isClosedIn('2021-01-21,2021-01-22')('2021-01-20')).toBe(false);
    expect(isClosedIn('2021-01-21,2021-01-22')('2021-01-22')).toBe(true);
  });
});
