import { describe, expect, it } from 'vitest';
import { isCommonPassword } from '../patron/common-passwords.ts';
import { passwordKeys } from '../patron/password.ts';
import { patronNumberKeys } from '../patron/patron-number.ts';
import { fieldMessages as fields } from '../testing/schema-cases.ts';
import {
  passwordResetCompleteSchema,
  passwordResetKeys,
  passwordResetRequestSchema,
  passwordResetVerifySchema,
} from './password-reset-schemas.ts';

describe('パスワードを忘れた方: request by mail', () => {
  it('normalises the number as login does and refuses a malformed one', () => {
    expect(passwordResetRequestSchema.parse({ patronNumber: 'A１０００００００１A' })).toEqual({
      patronNumber: '100000001',
    });
    expect(fields(passwordResetRequestSchema.safeParse({ patronNumber: '12345' }))).toEqual({
      patronNumber: patronNumberKeys.format,
    });
    expect(fields(passwordResetRequestSchema.safeParse({}))).toEqual({
      patronNumber: patronNumberKeys.required,
    });
  });
});

describe('パスワードを忘れた方: identity', () => {
  it('is registration step 1 (I6)', () => {
    expect(
      passwordResetVerifySchema('2021-01-20').parse({
        patronNumber: '100000001',
        name: 'やながわ たろう',
        birthDate: '19750408',
        phone: ['0944', '73', '0001'],
      }),
    ).toEqual({
      patronNumber: '100000001',
      name: 'ヤナガワタロウ',
      birthDate: '1975-04-08',
      phone: '0944730001',
    });
  });
});

describe('パスワードを忘れた方: new password (I8)', () => {
  const schema = passwordResetCompleteSchema({
    context: { birthDate: '1975-04-08', phone: '0944735678', patronNumber: '100000001' },
    isCommon: isCommonPassword,
  });
  const token = 'x'.repeat(43);

  it('accepts a good password with its confirmation', () => {
    expect(
      schema.parse({ resetToken: token, password: 'kawa-kudari!', passwordConfirm: 'kawa-kudari!' }),
    ).toEqual({
      resetToken: token,
      password: 'kawa-kudari!',
      passwordConfirm: 'kawa-kudari!',
    });
  });

  it.each([
    ['taro0408x', passwordKeys.contains_birth_date],
    ['tel5678xyz', passwordKeys.contains_phone],
    ['no100000001', passwordKeys.contains_patron_number],
    ['password', passwordKeys.common],
    ['short', passwordKeys.too_short],
    ['ｐａｓｓｗｏｒｄ１２３', passwordKeys.invalid_characters],
  ])('refuses %s with its own message', (password, message) => {
    expect(fields(schema.safeParse({ resetToken: token, password, passwordConfirm: password }))).toEqual({
      password: message,
    });
  });

  it('reports a mismatched confirmation and a missing token, each on its field', () => {
    expect(fields(schema.safeParse({ password: 'kawa-kudari!', passwordConfirm: 'kawa-kudari?' }))).toEqual({
      resetToken: passwordResetKeys.tokenMissing,
      passwordConfirm: passwordKeys.confirmMismatch,
    });
  });
});
