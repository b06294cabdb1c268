import { type Catalog, catalogDifferences, coreCatalogJa } from '@library/domain';
import { notificationCatalogJa } from '@library/domain/notifications';
import { registrationCatalogJa } from '@library/domain/registration';
import { describe, expect, it } from 'vitest';
import { englishCatalogs } from './en/index.ts';
import { accountJa } from './ja/account.ts';
import { calendarJa } from './ja/calendar.ts';
import { commonJa } from './ja/common.ts';
import { loansJa } from './ja/loans.ts';
import { passwordResetJa } from './ja/password-reset.ts';
import { registrationJa } from './ja/registration.ts';
import { settingsJa } from './ja/settings.ts';

/** The SPA's own Japanese catalogs (src/i18n/ja/). */
const spaCatalogs = [commonJa, loansJa, calendarJa, accountJa, registrationJa, settingsJa, passwordResetJa];
/** Every Japanese catalog the app shows, the domain's included. */
const japaneseCatalogs = [coreCatalogJa, registrationCatalogJa, notificationCatalogJa, ...spaCatalogs];
const japanese = Object.assign({}, ...japaneseCatalogs);
const english = Object.assign({}, ...englishCatalogs);
const spaAreas = new Set(spaCatalogs.flatMap((catalog) => Object.keys(catalog)));

describe('the catalogs of the app (ja / en)', () => {
  it('have the same keys and the same placeholders in both languages', () => {
    expect(catalogDifferences(japanese, english)).toEqual([]);
  });

  it('use each area name once, so no catalog hides another', () => {
    const areas = japaneseCatalogs.flatMap((catalog) => Object.keys(catalog));
    expect(areas.length).toBe(new Set(areas).size);
  });

  // The same words in a different role (「新しいパスワード」 as a label and as the step 'new
  // password') differ in English, and stay two keys. The domain's own catalogs are its business.
  it('write each text of the SPA once: the same words in both languages are one key, whichever screens show them', () => {
    const keysByText = new Map<string, string[]>();
    for (const [area, texts] of Object.entries(japanese as Catalog)) {
      for (const [key, text] of Object.entries(texts)) {
        const both = `${text}\n${(english as Catalog)[area]?.[key]}`;
        keysByText.set(both, [...(keysByText.get(both) ?? []), `${area}.${key}`]);
      }
    }
    const twice = [...keysByText.values()].filter(
      (keys) => keys.length > 1 && keys.some((key) => spaAreas.has(key.slice(0, key.indexOf('.')))),
    );
    expect(twice.map((keys) => keys.join(' '))).toEqual([]);
  });

  it('translates the labels QA reads in English as SPEC §12 lists them', () => {
    const t = (area: string, key: string) => (english as Record<string, Record<string, string>>)[area]![key];
    expect([
      t('loginPage', 'submit'),
      t('loginPage', 'patronNumber'),
      t('loginPage', 'password'),
      t('portal', 'title'),
      t('calendarPage', 'title'),
      t('loans', 'title'),
      t('loans', 'renew'),
      t('loans', 'renewSelected'),
      t('loans', 'selectAll'),
      t('loans', 'clearAll'),
      t('loans', 'dialogTitle'),
      t('loans', 'confirm'),
      t('loans', 'cancel'),
      t('loans', 'renewed'),
      t('loans', 'back'),
      t('loginPage', 'forgotPassword'),
    ]).toEqual([
      'Log in',
      'Patron number',
      'Password',
      'Patron portal',
      'Library calendar',
      'Loans',
      'Renew',
      'Renew selected',
      'Select all',
      'Clear all',
      'Renew the loan?',
      'Renew',
      'Cancel',
      'Loans renewed',
      'Back',
      'Forgot your password?',
    ]);
  });
});
