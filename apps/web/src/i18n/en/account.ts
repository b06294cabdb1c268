import type { CatalogOf } from '@library/domain';
import type { accountJa } from '../ja/account.ts';

export const accountEn = {
  account: {
    patronNumberHint: '({{length}} half-width digits)',
    enterDetails: 'Please enter your details.',
    name: 'Name',
    nameHint: '(full-width katakana) No space between family and given name',
    birthDate: 'Date of birth',
    birthDateHint: '(year first, 8 half-width digits) e.g. 1 March 2009 → 20090301',
    phone: 'Phone number',
    phoneArea: 'area code',
    phoneLocal: 'exchange',
    phoneNumber: 'number',
    phonePart: 'Phone number, {{part}}',
    phoneHint: '(half-width digits) e.g. 999-0000-1111 → 9990000111',
    verifying: 'Checking…',
    newPassword: 'New password',
    passwordHint: '(half-width letters and digits) {{min}} to {{max}} characters. Symbols are allowed too.',
    passwordConfirm: 'Repeat the password',
    passwordConfirmHint: '(to confirm it)',
    oldEmail: 'Current email address',
    oldEmailHint: '(half-width characters)',
    newEmail: 'New email address',
    newEmailHint: '(half-width characters) (for contact)',
    dotsNote:
      '※ An address with consecutive dots (.) may not receive the library’s mail: please do not register one.',
    registering: 'Registering…',
    libraryAddress:
      '※ The library’s address is “library@city.yanagawa.lg.jp”. It is a send-only address: mail sent to it is not received.',
    toLoginScreen: 'Go to Log in',
  },
} as const satisfies CatalogOf<typeof accountJa>;
