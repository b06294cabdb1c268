import { describe, expect, it } from 'vitest';
import { renewalNote, renewalReasonMessage } from './renewal-reasons.ts';

describe('renewal reason texts (docs/product.md §3)', () => {
  it('fills the date into the not_extended message as the guide prints dates', () => {
    expect(renewalReasonMessage('not_extended', '2021-01-21')).toBe(
      '今延長しても返却期限日が延びません。2021/01/21以降に延長できます。',
    );
    expect(renewalReasonMessage('not_extended')).toBe('今延長しても返却期限日が延びません。');
    expect(renewalReasonMessage('reserved')).toBe('予約が入っているため、延長できません。');
  });

  it('labels the 注意 column', () => {
    expect(renewalNote({ reason: 'interlibrary_loan' }, false)).toBe('他館資料');
    expect(renewalNote({ reason: 'already_renewed' }, false)).toBe('延長済');
    expect(renewalNote({ reason: 'reserved' }, false)).toBe('予約あり');
    expect(renewalNote({ reason: 'not_extended', availableFrom: '2021-01-21' }, false)).toBe(
      '2021/01/21以降に延長できます',
    );
    expect(renewalNote({ reason: 'patron_has_overdue' }, true)).toBe('延滞中');
    expect(renewalNote({ reason: 'patron_has_overdue' }, false)).toBe('');
    expect(renewalNote({}, false)).toBe('');
  });
});
