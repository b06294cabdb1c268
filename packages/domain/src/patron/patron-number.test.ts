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
    ['12345678', patronNumberKeys.format],
    ['400000001', patronNumberKeys.format],
    ['1000000012', patronNumberKeys.format],
    ['10000000a', patronNumberKeys.format],
  ]);

  it('masks all but the last three digits', () => {
    expect(maskPatronNumber('100000001')).toBe('******001');
  });
});
