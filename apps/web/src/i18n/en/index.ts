import { domainCatalogEn } from '@library/domain/i18n/en';
import { accountEn } from './account.ts';
import { calendarEn } from './calendar.ts';
import { commonEn } from './common.ts';
import { loansEn } from './loans.ts';
import { passwordResetEn } from './password-reset.ts';
import { registrationEn } from './registration.ts';
import { settingsEn } from './settings.ts';

/** Every English catalog of the app: one lazy chunk, downloaded only when English is on screen. */
export const englishCatalogs = [
  domainCatalogEn,
  commonEn,
  loansEn,
  calendarEn,
  registrationEn,
  settingsEn,
  passwordResetEn,
  accountEn,
];
