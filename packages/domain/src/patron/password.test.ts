import { describe, expect, it } from 'vitest';
import { isCommonPassword } from './common-passwords.ts';
import { PASSWORD_MAX, passwordError, passwordKeys, passwordProblems } from './password.ts';

const hanako = { birthDate: '1990-11-05', phone: '0944123456', patronNumber: '300000003' };

describe('password (I8)', () => {
  it.each([
    'kawa-kudari!',
    'Sagemon 2024',
    'horikawa-boat',
    `${'a'.repeat(7)}b`,
    `${'x'.repeat(PASSWORD_MAX - 1)}y`,
    'tosho2021',
  ])('accepts %j', (password) => {
    expect(passwordProblems(password, hanako, isCommonPassword)).toEqual([]);
    expect(passwordError(password, hanako, isCommonPassword)).toBeUndefined();
  });

  it.each([
    ['', 'required'],
    ['short1!', 'too_short'],
    [`${'y'.repeat(PASSWORD_MAX)}z`, 'too_long'],
    ['ｐａｓｓｗｏｒｄｘ', 'invalid_characters'],
    ['ぱすわーどです12', 'invalid_characters'],
    ['tab\there-x', 'invalid_characters'],
    ['new\nline-x', 'invalid_characters'],
    ['mybirth19901105', 'contains_birth_date'],
    ['kawa901105x', 'contains_birth_date'],
    ['kawa1105xyz', 'contains_birth_date'],
    ['tel0944123456', 'contains_phone'],
    ['yanagawa3456', 'contains_phone'],
    ['no300000003', 'contains_patron_number'],
    ['zzzzzzzzzz', 'repeated_character'],
    ['password1', 'common'],
    ['Password1', 'common'],
    ['iloveyou', 'common'],
    ['1qaz2wsx', 'common'],
  ] as const)('refuses %j: %s', (password, problem) => {
    expect(passwordProblems(password, hanako, isCommonPassword)[0]).toBe(problem);
    expect(passwordError(password, hanako, isCommonPassword)).toBe(passwordKeys[problem]);
  });

  it('gives each problem its own message', () => {
    const messages = Object.values(passwordKeys);
    expect(new Set(messages).size).toBe(messages.length);
  });

  it('without context only the context-free rules apply', () => {
    expect(passwordProblems('mybirth19901105')).toEqual([]);
    expect(passwordProblems('password1')).toEqual([]);
    expect(passwordProblems('password1', {}, isCommonPassword)).toEqual(['common']);
  });

  it('ships a list of at least 10,000 common passwords', async () => {
    const { commonPasswords } = await import('./common-passwords.ts');
    expect(commonPasswords.size).toBeGreaterThanOrEqual(10_000);
  });
});
