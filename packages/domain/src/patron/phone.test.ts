import { describe, expect, it } from 'vitest';
import { phoneMessages, phoneSchema } from './phone.ts';

describe('phone (I4)', () => {
  it.each([
    [['0944', '12', '3456'], '0944123456'],
    [['090', '1234', '5678'], '09012345678'],
    [['０９４４', '７３', '０００１'], '0944730001'],
    [['0944-73-0001', '', ''], '0944730001'],
    [[' 0944 ', '73', '0001'], '0944730001'],
  ])('accepts %j as %s', (input, expected) => {
    expect(phoneSchema.parse(input)).toBe(expected);
  });

  it.each([
    [['', '', ''], phoneMessages.required],
    [[], phoneMessages.required],
    [['0944', '73', '000'], phoneMessages.length],
    [['0944', '7300', '00001'], phoneMessages.length],
    [['0944', 'ab', '0001'], phoneMessages.digits],
    [['0944', '73', '0001', '1'], phoneMessages.length],
  ])('refuses %j', (input, message) => {
    const result = phoneSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });

  it('refuses a value that is not the three fields', () => {
    expect(phoneSchema.safeParse('0944730001').error?.issues[0]?.message).toBe(phoneMessages.required);
  });
});
