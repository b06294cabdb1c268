import { describe, expect, it } from 'vitest';
import { birthDateMessages, birthDateSchema } from './birth-date.ts';

const schema = birthDateSchema('2021-01-20');

describe('birth date (I3)', () => {
  it.each([
    ['19901105', '1990-11-05'],
    ['１９９０１１０５', '1990-11-05'],
    ['1990/11/05', '1990-11-05'],
    [' 19750408 ', '1975-04-08'],
    ['19000101', '1900-01-01'],
    ['20210120', '2021-01-20'],
    ['20000229', '2000-02-29'],
  ])('accepts %j as %s', (input, expected) => {
    expect(schema.parse(input)).toBe(expected);
  });

  it.each([
    ['', birthDateMessages.required],
    ['1990115', birthDateMessages.format],
    ['19901105a', birthDateMessages.format],
    ['H021105', birthDateMessages.format],
    ['19901305', birthDateMessages.notADate],
    ['19900230', birthDateMessages.notADate],
    ['19000229', birthDateMessages.notADate],
    ['18991231', birthDateMessages.tooEarly],
    ['20210121', birthDateMessages.future],
  ])('refuses %j', (input, message) => {
    const result = schema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues).toHaveLength(1);
    expect(result.error?.issues[0]?.message).toBe(message);
  });
});
