import { describe, expect, it } from 'vitest';
import { mailTexts } from './mail-texts.ts';

// Only this module is imported: the mail catalogs must be there without lib/i18n.ts.
describe('mailTexts: the one way a mail or the calendar feed gets its texts', () => {
  it("writes in the patron's language, {{library}} filled in", () => {
    const m = mailTexts('en');
    expect(m.lang).toBe('en');
    expect(m('noticeReminderSubject')).toBe('[Yanagawa City Library] Your items are due soon');
    expect(m('feedSummary', { count: 2 })).toBe('Due date (2 item(s))');
  });

  it('writes Japanese when the patron saved no language', () => {
    for (const lang of [undefined, null, 'ja'] as const) {
      const m = mailTexts(lang);
      expect(m.lang).toBe('ja');
      expect(m('noticeReminderSubject')).toBe('【柳川市立図書館】返却期限日のお知らせ');
      expect(m('greeting', { name: 'ヤナガワ タロウ' })).toBe('ヤナガワ タロウ 様');
    }
  });
});
