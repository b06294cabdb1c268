import { loginMessages } from '../auth/login-texts.ts';
import { calendarDateFormats, calendarMessages } from '../calendar/calendar-texts.ts';
import { errorMessages, validationMessages } from '../errors/error-codes.ts';
import { patronNumberMessages } from '../patron/patron-number-texts.ts';
import {
  idempotencyMessages,
  loanPageMessages,
  renewalRequestMessages,
} from '../renewal/renewal-request-texts.ts';
import { renewalNoteLabels, renewalReasonMessages } from '../renewal/renewal-texts.ts';

/**
 * The Japanese texts of the API and of the login page's rules, by area: the keys that
 * `t(lang, 'area.key')` looks up. Each area's texts stay beside the rule they belong to; the
 * registration areas are in `@library/domain/registration` (`registrationCatalogJa`), so the
 * login page does not download them.
 */
export const coreCatalogJa = {
  errors: errorMessages,
  validation: validationMessages,
  login: loginMessages,
  patronNumber: patronNumberMessages,
  renewalReason: renewalReasonMessages,
  renewalNote: renewalNoteLabels,
  renewalRequest: renewalRequestMessages,
  loanPage: loanPageMessages,
  idempotency: idempotencyMessages,
  calendar: calendarMessages,
  calendarDate: calendarDateFormats,
} as const;
