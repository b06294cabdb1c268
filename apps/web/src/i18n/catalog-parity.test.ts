import { catalogDifferences, coreCatalogJa } from '@library/domain';
import { notificationCatalogJa } from '@library/domain/notifications';
import { registrationCatalogJa } from '@library/domain/registration';
import { describe, expect, it } from 'vitest';
import { englishCatalogs } from './en/index.ts';
import { calendarJa } from './ja/calendar.ts';
import { commonJa } from './ja/common.ts';
import { loansJa } from './ja/loans.ts';
import { passwordResetJa } from './ja/password-reset.ts';
import { registrationJa } from './ja/registration.ts';
import { settingsJa } from './ja/settings.ts';

/** Every Japanese catalog the app shows, the domain's included. */
const japanese = Object.assign(
  {},
  coreCatalogJa,
  registrationCatalogJa,
  notificationCatalogJa,
  commonJa,
  loansJa,
  calendarJa,
  registrationJa,
  settingsJa,
  passwordResetJa,
);
const english = Object.assign({}, ...englishCatalogs);

describe('the catalogs of the app (ja / en)', () => {
  it('have the same keys and the same placeholders in both languages', () => {
    expect(catalogDifferences(japanese, english)).toEqual([]);
  });

  it('use each area name once, so no catalog hides another', () => {
    const areas = [
      coreCatalogJa,
      registrationCatalogJa,
      notificationCatalogJa,
      commonJa,
      loansJa,
      calendarJa,
      registrationJa,
      settingsJa,
      passwordResetJa,
    ].flatMap((catalog) => Object.keys(catalog));
    expect(areas.length).toBe(new Set(areas).size);
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
