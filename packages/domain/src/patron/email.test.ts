import { describe, expect, it } from 'vitest';
import { EMAIL_MAX, emailMessages, emailSchema } from './email.ts';

describe('email (I9)', () => {
  it.each([
    ['hanako.suzuki@example.jp', 'hanako.suzuki@example.jp'],
    [' taro+library@mail.example.co.jp ', 'taro+library@mail.example.co.jp'],
    ['ｈａｎａｋｏ＠ｅｘａｍｐｌｅ．ｊｐ', 'hanako@example.jp'],
    ['a_b-c@sub-domain.example.jp', 'a_b-c@sub-domain.example.jp'],
  ])('accepts %j', (input, expected) => {
    expect(emailSchema.parse(input)).toBe(expected);
  });

  it.each([
    ['', emailMessages.required],
    ['hanako', emailMessages.format],
    ['hanako@', emailMessages.format],
    ['@example.jp', emailMessages.format],
    ['hanako@example', emailMessages.format],
    ['hanako@@example.jp', emailMessages.format],
    ['han ako@example.jp', emailMessages.format],
    ['hanako@exa_mple.jp', emailMessages.format],
    ['hanako@example.123', emailMessages.format],
    ['hanako@-example.jp', emailMessages.format],
    ['hana..ko@example.jp', emailMessages.consecutiveDots],
    ['hanako@example..jp', emailMessages.consecutiveDots],
    ['.hanako@example.jp', emailMessages.dotAtEdge],
    ['hanako.@docomo.ne.jp', emailMessages.dotAtEdge],
    [`${'a'.repeat(64)}@${'b'.repeat(EMAIL_MAX - 64 - 3)}.jp`, emailMessages.tooLong],
  ])('refuses %j', (input, message) => {
    const result = emailSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues).toHaveLength(1);
    expect(result.error?.issues[0]?.message).toBe(message);
  });

  it('accepts exactly 254 characters', () => {
    const email = `${'a'.repeat(64)}@${'b'.repeat(EMAIL_MAX - 64 - 4)}.j`;
    expect(email).toHaveLength(EMAIL_MAX - 1);
    expect(emailSchema.safeParse(`${email}p`).success).toBe(true);
  });
});
