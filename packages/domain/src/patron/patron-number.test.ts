import { describe, expect, it } from 'vitest';
import { itAccepts, itRefuses } from '../testing/schema-cases.ts';
import {
  maskPatronNumber,
  normalizePatronNumber,
  patronNumberKeys,
  patronNumberSchema,
} from './patron-number.ts';

describe('patron number (I1)', () => {
  itAccepts(
    patronNumberSchema,
    [
      ['100000001', '100000001'],
      ['１０００００００１', '100000001'],
      ['A100000001A', '100000001'],
      ['100 000 001', '100000001'],
      ['100-000-001', '100000001'],
      ['　１００-０００-００１　', '100000001'],
    ],
    normalizePatronNumber,
  );

  itRefuses(patronNumberSchema, [
    ['', patronNumberKeys.required],
    // Too short, a prefix no card has, too long, not all digits: one message for all.
    ...['12345678', '400000001', '1000000012', '10000000a'].map(
      (input) => [input, patronNumberKeys.format] as const,
    ),
  ]);

  it('masks all but the last three digits', () => {
    expect(maskPatronNumber('100000001')).toBe('******001');
  });
});
