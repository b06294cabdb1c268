import { describe, expect, it } from 'vitest';
import { itAccepts, itRefuses } from '../testing/schema-cases.ts';
import { EMAIL_MAX, emailKeys, emailSchema } from './email.ts';

describe('email (I9)', () => {
  itAccepts(emailSchema, [
    ['hanako.suzuki@example.jp', 'hanako.suzuki@example.jp'],
    [' taro+library@mail.example.co.jp ', 'taro+library@mail.example.co.jp'],
    ['ｈａｎａｋｏ＠ｅｘａｍｐｌｅ．ｊｐ', 'hanako@example.jp'],
    ['a_b-c@sub-domain.example.jp', 'a_b-c@sub-domain.example.jp'],
  ]);

  itRefuses(
    emailSchema,
    [
      ['', emailKeys.required],
      ['hanako', emailKeys.format],
      ['hanako@', emailKeys.format],
      ['@example.jp', emailKeys.format],
      ['hanako@example', emailKeys.format],
      ['hanako@@example.jp', emailKeys.format],
      ['han ako@example.jp', emailKeys.format],
      ['hanako@exa_mple.jp', emailKeys.format],
      ['hanako@example.123', emailKeys.format],
      ['hanako@-example.jp', emailKeys.format],
      ['hana..ko@example.jp', emailKeys.consecutiveDots],
      ['hanako@example..jp', emailKeys.consecutiveDots],
      ['.hanako@example.jp', emailKeys.dotAtEdge],
      ['hanako.@docomo.ne.jp', emailKeys.dotAtEdge],
      [`${'a'.repeat(64)}@${'b'.repeat(EMAIL_MAX - 64 - 3)}.jp`, emailKeys.tooLong],
    ],
    { onlyIssue: true },
  );

  it('accepts exactly 254 characters', () => {
    const email = `${'a'.repeat(64)}@${'b'.repeat(EMAIL_MAX - 64 - 4)}.j`;
    expect(email).toHaveLength(EMAIL_MAX - 1);
    expect(emailSchema.safeParse(`${email}p`).success).toBe(true);
  });
});
