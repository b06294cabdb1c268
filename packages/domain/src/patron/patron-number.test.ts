import { describe, expect, it } from 'vitest';
import {
  maskPatronNumber,
  normalizePatronNumber,
  patronNumberKeys,
  patronNumberSchema,
} from './patron-number.ts';

describe('patron number (I1)', () => {
  it.each([
    ['100000001', '100000001'],
    ['１０００００００１', '100000001'],
    ['A100000001A', '100000001'],
    ['100 000 001', '100000001'],
    ['100-000-001', '100000001'],
    ['　１００-０００-００１　', '100000001'],
  ])('normalises %s', (input, expected) => {
    expect(normalizePatronNumber(input)).toBe(expected);
    expect(patronNumberSchema.parse(input)).toBe(expected);
  });

  it.each(['', '12345678', '400000001', '1000000012', '10000000a'])('refuses %j', (input) => {
    const result = patronNumberSchema.safeParse(input);
    expect(result.success).toBe(false);
    const expected = input === '' ? patronNumberKeys.required : patronNumberKeys.format;
    expect(result.error?.issues[0]?.message).toBe(expected);
  });

  it('masks all but the last three digits', () => {
    expect(maskPatronNumber('100000001')).toBe('******001');
  });
});
