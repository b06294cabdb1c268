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

describe('reasons from the ILS (CIRCULATION=sip2, docs/product.md §9)', () => {
  it("shows the ILS's own text verbatim for ils_refused, and a generic text without one", () => {
    expect(renewalReasonMessage('ils_refused', undefined, 'Item has outstanding holds')).toBe(
      'Item has outstanding holds',
    );
    expect(renewalReasonMessage('ils_refused')).toBe('図書館システムが貸出延長を受け付けませんでした。');
    // Only ils_refused takes the ILS's words: a mapped reason keeps our text.
    expect(renewalReasonMessage('reserved', undefined, 'Item has outstanding holds')).toBe(
      '予約が入っているため、延長できません。',
    );
  });
  it('labels ILS refusals in the 注意 column and leaves a renewal-denied patron to the banner', () => {
    expect(renewalNote({ reason: 'ils_refused' }, false)).toBe('延長不可');
    expect(renewalNote({ reason: 'renewal_denied' }, false)).toBe('');
  });
});
