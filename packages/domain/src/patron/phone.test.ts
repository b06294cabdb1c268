import { describe, expect, it } from 'vitest';
import { itAccepts, itRefuses } from '../testing/schema-cases.ts';
import { phoneKeys, phoneSchema } from './phone.ts';

describe('phone (I4)', () => {
  itAccepts(phoneSchema, [
    [['0944', '12', '3456'], '0944123456'],
    [['090', '1234', '5678'], '09012345678'],
    [['０９４４', '７３', '０００１'], '0944730001'],
    [['0944-73-0001', '', ''], '0944730001'],
    [[' 0944 ', '73', '0001'], '0944730001'],
  ]);

  itRefuses(phoneSchema, [
    [['', '', ''], phoneKeys.required],
    [[], phoneKeys.required],
    [['0944', '73', '000'], phoneKeys.length],
    [['0944', '7300', '00001'], phoneKeys.length],
    [['0944', 'ab', '0001'], phoneKeys.digits],
    [['0944', '73', '0001', '1'], phoneKeys.length],
  ]);

  it('refuses a value that is not the three fields', () => {
    expect(phoneSchema.safeParse('0944730001').error?.issues[0]?.message).toBe(phoneKeys.required);
  });
});
