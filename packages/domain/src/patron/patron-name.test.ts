import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itAccepts, itRefuses } from '../testing/schema-cases.ts';
import { isKatakanaName, normalizePatronName, patronNameKeys, patronNameSchema } from './patron-name.ts';

describe('patron name (I2)', () => {
  itAccepts(
    patronNameSchema,
    [
      ['スズキハナコ', 'スズキハナコ'],
      ['すずき はなこ', 'スズキハナコ'],
      ['すずき　はなこ', 'スズキハナコ'],
      ['ｽｽﾞｷ ﾊﾅｺ', 'スズキハナコ'],
      ['ｽｽﾞｷﾊﾟﾝ', 'スズキパン'],
      [' スズキ　ハナコ ', 'スズキハナコ'],
      ['ゔぃーなす', 'ヴィーナス'],
      ['オオノ ヨーコ', 'オオノヨーコ'],
    ],
    normalizePatronName,
  );

  itRefuses(patronNameSchema, [
    ['', patronNameKeys.required],
    ['　 ', patronNameKeys.required],
    ['鈴木花子', patronNameKeys.format],
    ['suzuki', patronNameKeys.format],
    ['スズキ・ハナコ', patronNameKeys.format],
    ['スズキ1', patronNameKeys.format],
    ['ア'.repeat(41), patronNameKeys.tooLong],
  ]);

  it('refuses a missing value with the required message', () => {
    expect(patronNameSchema.safeParse(undefined).error?.issues[0]?.message).toBe(patronNameKeys.required);
  });

  it('turns any hiragana name into the same katakana name', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            ...'あいうえおかきくけこがぎさしすせそたちつてとなにぬねのはぱまみむめもやゆよらりるれろわをんー',
          ),
          minLength: 1,
          maxLength: 20,
        }),
        (hira) => {
          const kata = normalizePatronName(hira);
          expect(isKatakanaName(kata)).toBe(true);
          expect(kata).toHaveLength(hira.length);
        },
      ),
    );
  });
});
