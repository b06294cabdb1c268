import { describe, expect, it } from 'vitest';
import { birthDateKeys } from '../patron/birth-date.ts';
import { isCommonPassword } from '../patron/common-passwords.ts';
import { emailKeys } from '../patron/email.ts';
import { passwordKeys } from '../patron/password.ts';
import { patronNameKeys } from '../patron/patron-name.ts';
import { patronNumberKeys } from '../patron/patron-number.ts';
import { phoneKeys } from '../patron/phone.ts';
import { fieldMessages as fields } from '../testing/schema-cases.ts';
import {
  emailChangeSchema,
  passwordChangeSchema,
  registrationCompleteSchema,
  registrationKeys,
  registrationVerifySchema,
} from './registration-schemas.ts';

describe('registration step 1 (I6)', () => {
  const schema = registrationVerifySchema('2021-01-20');

  it('normalises what a patron types on a phone', () => {
    expect(
      schema.parse({
        patronNumber: 'A３０００００００３A',
        name: 'すずき　はなこ',
        birthDate: '１９９０１１０５',
        phone: ['０９４４', '12', '3456'],
      }),
    ).toEqual({
      patronNumber: '300000003',
      name: 'スズキハナコ',
      birthDate: '1990-11-05',
      phone: '0944123456',
    });
  });

  it('reports every field at once, each with its own message', () => {
    const result = schema.safeParse({
      patronNumber: '12',
      name: '鈴木',
      birthDate: '20300101',
      phone: ['1', '', ''],
    });
    expect(fields(result)).toEqual({
      patronNumber: patronNumberKeys.format,
      name: patronNameKeys.format,
      birthDate: birthDateKeys.future,
      phone: phoneKeys.length,
    });
  });
});

describe('registration step 2 (I7, I8, I9)', () => {
  const context = { birthDate: '1990-11-05', phone: '0944123456', patronNumber: '300000003' };
  const schema = registrationCompleteSchema({ context, isCommon: isCommonPassword });
  const valid = {
    registrationToken: 'x'.repeat(43),
    password: 'kawa-kudari!',
    passwordConfirm: 'kawa-kudari!',
    email: 'hanako@example.jp',
    useForContact: true,
    useForReservations: false,
  };

  it('accepts a good form and defaults the checkboxes as the guide shows them', () => {
    expect(schema.parse(valid)).toEqual(valid);
    const { useForContact: _a, useForReservations: _b, ...rest } = valid;
    expect(schema.parse(rest)).toMatchObject({ useForContact: true, useForReservations: false });
  });

  it('reports the password, the confirmation and the email together', () => {
    const result = schema.safeParse({
      ...valid,
      password: 'hanako19901105',
      passwordConfirm: 'other',
      email: 'a..b@example.jp',
    });
    expect(fields(result)).toEqual({
      password: passwordKeys.contains_birth_date,
      passwordConfirm: passwordKeys.confirmMismatch,
      email: emailKeys.consecutiveDots,
    });
  });

  it('asks for the confirmation when it is empty', () => {
    expect(fields(schema.safeParse({ ...valid, passwordConfirm: '' }))).toEqual({
      passwordConfirm: passwordKeys.confirmRequired,
    });
  });

  it('refuses a missing token', () => {
    expect(fields(schema.safeParse({ ...valid, registrationToken: '' }))).toEqual({
      registrationToken: registrationKeys.tokenMissing,
    });
  });
});

describe('account settings (I11)', () => {
  it('requires the current password and refuses the same one again', () => {
    const schema = passwordChangeSchema({ isCommon: isCommonPassword });
    expect(
      fields(
        schema.safeParse({ currentPassword: '', password: 'kawa-kudari!', passwordConfirm: 'kawa-kudari!' }),
      ),
    ).toEqual({
      currentPassword: passwordKeys.currentRequired,
    });
    expect(
      fields(
        schema.safeParse({
          currentPassword: 'kawa-kudari!',
          password: 'kawa-kudari!',
          passwordConfirm: 'kawa-kudari!',
        }),
      ),
    ).toEqual({ password: passwordKeys.sameAsCurrent });
    expect(
      fields(
        schema.safeParse({
          currentPassword: 'tosho2021',
          password: 'qwertyuiop',
          passwordConfirm: 'qwertyuiop',
        }),
      ),
    ).toEqual({
      password: passwordKeys.common,
    });
  });

  it('changes the email only when at least one checkbox says where', () => {
    expect(emailChangeSchema.parse({ email: 'new@example.jp' })).toEqual({
      email: 'new@example.jp',
      useForContact: true,
      useForReservations: false,
    });
    expect(
      fields(
        emailChangeSchema.safeParse({
          email: 'new@example.jp',
          useForContact: false,
          useForReservations: false,
        }),
      ),
    ).toEqual({ useForContact: registrationKeys.contactChoiceRequired });
  });
});
