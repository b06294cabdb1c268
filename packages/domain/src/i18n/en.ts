import type { notificationCatalogJa } from '../notifications/catalog-ja.ts';
import type { registrationCatalogJa } from '../registration/catalog-ja.ts';
import type { coreCatalogJa } from './catalog-ja.ts';
import type { CatalogOf } from './translate.ts';

/**
 * The English texts of the domain (API errors, field errors, renewal reasons): its own entry
 * point, `@library/domain/i18n/en`, which the SPA imports only when English is chosen.
 * Typed as the Japanese catalogs' shape, so a missing key does not compile either. Limits are
 * written out (no import of the rules' modules, which would pull zod into this chunk);
 * catalog-parity.test.ts checks them against the constants.
 */
export const domainCatalogEn = {
  errors: {
    validation_failed: 'Some of the entries are not correct.',
    invalid_json: 'What was sent could not be read.',
    invalid_credentials: 'The patron number or password is not correct.',
    unauthenticated: 'Please log in.',
    forbidden: 'This action is not allowed.',
    forbidden_origin: 'Requests from this page are not accepted.',
    locked:
      'Because of repeated failed logins you cannot log in for a while. Please wait about 15 minutes and try again.',
    rate_limited: 'There are too many requests. Please wait a moment and try again.',
    not_found: 'The page was not found.',
    payload_too_large: 'What was sent is too large.',
    service_unavailable: 'The service is not available right now. Please wait a moment and try again.',
    internal_error: 'A system error occurred. Please wait a moment and try again.',
    patron_has_overdue: 'You have items past their due date, so loans cannot be renewed.',
    identity_not_verified: 'The patron details you entered could not be confirmed. Please check them.',
    already_registered:
      'A password is already registered. Please log in, or if you do not know it, reset it under “Forgot your password?”.',
    token_expired: 'The application has expired. Please start again from the beginning.',
    not_registered: 'No password is registered yet. Please register one under “Register a password”.',
    ils_unavailable: 'Cannot connect to the library system. Please try again later.',
    renewal_denied:
      'Loans on this library card cannot be renewed at the moment. Please ask at the library counter.',
    registration_not_available:
      'This service uses the PIN registered at the library. If you do not know your PIN, please ask at the library counter.',
  },
  validation: {
    body: 'What was sent is not in the right form.',
    field: 'The value of this field is not valid.',
  },
  login: {
    passwordRequired: 'Please enter your password.',
    invalidCredentials: 'The patron number or password is not correct.',
    locked:
      'Because of repeated failed logins you cannot log in for a while. Please wait about 15 minutes and try again.',
    rateLimited: 'There are too many requests. Please wait a moment and try again.',
  },
  patronNumber: {
    required: 'Please enter your patron number.',
    format: 'The patron number is 9 digits starting with 100, 200 or 300.',
  },
  renewalReason: {
    patron_has_overdue: 'You have items past their due date, so loans cannot be renewed.',
    interlibrary_loan: 'This item was borrowed from another library, so it cannot be renewed.',
    already_renewed: 'This item has already been renewed once.',
    reserved: 'This item is reserved by another patron, so it cannot be renewed.',
    not_extended: 'Renewing now would not move the due date. You can renew it from {{date}}.',
    not_extended_undated: 'Renewing now would not move the due date.',
    not_found: 'This item is not among your current loans.',
    renewal_denied:
      'Loans on this library card cannot be renewed at the moment. Please ask at the library counter.',
    ils_refused: 'The library system did not accept the renewal.',
    ils_unavailable:
      'No answer came from the library system, so the item has not been renewed. Please check your loans again later.',
  },
  renewalNote: {
    patron_has_overdue: 'Overdue',
    interlibrary_loan: 'Other library',
    already_renewed: 'Renewed',
    reserved: 'Reserved',
    availableFrom: 'Renewable from {{date}}',
    notRenewable: 'Not renewable',
  },
  renewalRequest: {
    required: 'Please select the items to renew.',
    tooMany: `You can renew up to 100 items at a time.`,
    invalidId: 'The items are not specified correctly.',
  },
  loanPage: {
    page: 'The page is not specified correctly.',
    pageSize: 'Items per page must be a number from 1 to 100.',
    pageOutOfRange: 'The page must be from 1 to {{last}}.',
  },
  idempotency: {
    invalid: 'Idempotency-Key must be 8 to 200 printable ASCII characters.',
    idempotency_key_mismatch:
      'Different content was sent with the same request key. Please reload the page and try again.',
    idempotency_in_progress: 'This renewal is being processed. Please wait a moment and reload the page.',
  },
  calendar: {
    branchInvalid: 'The library is not specified correctly.',
    unknownBranch: 'There is no such library.',
    fromInvalid: 'Give the month to show as year and month, like 2021-01.',
    monthsInvalid: `The number of months must be a number from 1 to 12.`,
  },
  calendarDate: {
    yearMonth: '{{monthName}} {{year}}',
    monthDay: '{{weekday}}, {{monthName}} {{day}}',
  },
  patronName: {
    required: 'Please enter your name.',
    format: 'Please enter your name in full-width katakana (e.g. ヤナガワタロウ).',
    tooLong: `The name can be at most 40 characters.`,
  },
  birthDate: {
    required: 'Please enter your date of birth.',
    format: 'Enter your date of birth as 8 digits, year first (e.g. 1 March 2009 → 20090301).',
    notADate: 'The date of birth is not a real date.',
    future: 'The date of birth cannot be in the future.',
    tooEarly: 'The date of birth must be on or after 1 January 1900.',
  },
  phone: {
    required: 'Please enter your phone number.',
    digits: 'Please enter the phone number in half-width digits.',
    length: 'The phone number must be 10 or 11 digits in all (e.g. 0944-73-0000).',
  },
  email: {
    required: 'Please enter your email address.',
    format: 'The email address is not valid (e.g. yanagawa@example.jp).',
    tooLong: `The email address can be at most 254 characters.`,
    consecutiveDots:
      'An address with consecutive dots (..) may not receive the library’s mail, so it cannot be registered.',
    dotAtEdge:
      'An address with a dot (.) at the start or just before the @ may not receive the library’s mail, so it cannot be registered.',
  },
  password: {
    required: 'Please enter a password.',
    too_short: `The password must be at least 8 characters.`,
    too_long: `The password can be at most 64 characters.`,
    invalid_characters:
      'The password contains full-width or unusable characters. Please use half-width letters, digits and symbols.',
    contains_birth_date: 'The password cannot contain your date of birth.',
    contains_phone: 'The password cannot contain your phone number.',
    contains_patron_number: 'The password cannot contain your patron number.',
    repeated_character: 'A password cannot be one character repeated.',
    common: 'This password is common and easy to guess, so it cannot be registered. Please choose another.',
    confirmRequired: 'Please enter the password again to confirm it.',
    confirmMismatch: 'The passwords you entered do not match.',
    currentRequired: 'Please enter your current password.',
    currentWrong: 'The current password is not correct.',
    sameAsCurrent: 'The new password must differ from the current one.',
  },
  registration: {
    tokenMissing: 'The application information is missing. Please start again from the beginning.',
    contactChoiceRequired:
      'Please choose “Use this address for future contact” or “Also use this address for my existing reservations”.',
    contactChangeLimited:
      'Your email address was changed several times in a row, so it cannot be changed for a while. Please try again later.',
  },
  passwordReset: {
    tokenMissing: 'The reset information is missing. Please start again from the beginning.',
  },
  notification: {
    booleanRequired: 'Please choose yes or no.',
    daysBeforeInvalid: 'Choose when to be reminded: 1, 2, 3 or 7 days before.',
    languageInvalid: 'The language must be Japanese (ja) or English (en).',
    reminderRequired: 'Please send the reminder settings.',
    emailMissing:
      'No email address is registered, so reminder mails cannot reach you. Please register an address first.',
  },
  notificationLabels: {
    heading: 'Reminders',
    reminderEmail: 'Send me a due date reminder by email',
    daysBefore: 'When to remind me',
    includeTitles: 'Include the titles in the mail',
    includeTitlesHint: '(Off by default: other people may see your mail)',
    overdueNotice: 'Also tell me when items are overdue (the day after the due date)',
    push: 'Also notify this device by push notification',
    daysBeforeChoice: '{{days}} day(s) before',
  },
  pushSubscription: {
    endpoint: 'The notification endpoint is not valid.',
    p256dh: 'The notification encryption key is not valid.',
    auth: 'The notification authentication secret is not valid.',
  },
  contactChoice: {
    useForContact: 'Use this address for future contact',
    useForReservations: 'Also use this address for my existing reservations',
  },
} as const satisfies CatalogOf<
  typeof coreCatalogJa & typeof registrationCatalogJa & typeof notificationCatalogJa
>;
