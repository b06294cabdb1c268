import { describe, expect, it } from 'vitest';
import { CALENDAR_MONTHS_MAX } from '../calendar/calendar-query.ts';
import { notificationCatalogJa } from '../notifications/catalog-ja.ts';
import { EMAIL_MAX } from '../patron/email.ts';
import { PASSWORD_MAX, PASSWORD_MIN } from '../patron/password.ts';
import { PATRON_NAME_MAX } from '../patron/patron-name.ts';
import { registrationCatalogJa } from '../registration/catalog-ja.ts';
import { LOAN_PAGE_SIZE_MAX, MAX_RENEWAL_IDS } from '../renewal/renewal-schemas.ts';
import { coreCatalogJa } from './catalog-ja.ts';
import { domainCatalogEn } from './en.ts';
import { catalogDifferences } from './translate.ts';

const ja = { ...coreCatalogJa, ...registrationCatalogJa, ...notificationCatalogJa };

describe('the domain catalogs (ja / en)', () => {
  it('have the same keys and the same placeholders', () => {
    expect(catalogDifferences(ja, domainCatalogEn)).toEqual([]);
  });

  it('fail when a key is only in one catalog, or its placeholders differ', () => {
    const en = structuredClone(domainCatalogEn) as Record<string, Record<string, string>>;
    delete en.errors!.locked;
    en.extra = { only: 'only in English' };
    en.renewalReason!.not_extended = 'Renew from {{day}}.';
    expect(catalogDifferences(ja, en)).toEqual([
      'missing: errors.locked',
      'extra: extra.only',
      'placeholders differ: renewalReason.not_extended ({{date}} vs {{day}})',
    ]);
  });

  it('keep the reason texts of SPEC §3 exactly in Japanese', () => {
    expect(ja.renewalReason).toMatchObject({
      patron_has_overdue: '返却期限日を過ぎた資料があるため、貸出延長の手続きができません。',
      interlibrary_loan: '他館から取り寄せた資料のため、延長できません。',
      already_renewed: 'この資料はすでに一度延長しています。',
      reserved: '予約が入っているため、延長できません。',
      not_extended: '今延長しても返却期限日が延びません。{{date}}以降に延長できます。',
    });
  });

  it('write the same limits in English as the rules use', () => {
    const limits: Array<[string, number]> = [
      [domainCatalogEn.renewalRequest.tooMany, MAX_RENEWAL_IDS],
      [domainCatalogEn.loanPage.pageSize, LOAN_PAGE_SIZE_MAX],
      [domainCatalogEn.calendar.monthsInvalid, CALENDAR_MONTHS_MAX],
      [domainCatalogEn.patronName.tooLong, PATRON_NAME_MAX],
      [domainCatalogEn.email.tooLong, EMAIL_MAX],
      [domainCatalogEn.password.too_short, PASSWORD_MIN],
      [domainCatalogEn.password.too_long, PASSWORD_MAX],
    ];
    // The whole number, not a part of another (100 must not pass for a limit of 10).
    for (const [text, limit] of limits) expect(text).toMatch(new RegExp(`(?<!\\d)${limit}(?!\\d)`));
  });
});
