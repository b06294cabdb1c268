import type { CatalogOf } from '@library/domain';
import type { registrationJa } from '../ja/registration.ts';

export const registrationEn = {
  reg: {
    passwordStepTitle: 'Register a password (password and email address)',
    completeStepTitle: 'Register a password (done)',
    complete: 'Done',
    verifyHeading: 'Confirm who you are',
    verifyIntro1: 'First we confirm that you are a patron of the library.',
    verifyFailed: 'We could not confirm who you are.',
    toLogin: 'Go to Log in',
    verify: 'Continue',
    passwordHeading: 'Register your password',
    passwordIntro: 'Enter the password and the email address to register.',
    restart: 'Start again from “Confirm who you are”',
    password: 'New password',
    email1: 'Email address',
    oldEmailMaskedHint: 'Part of the registered address is hidden',
    notesHeading: 'Before you register',
    note1: '※ Please register an address of a computer or a smartphone.',
    note3:
      '※ If you filter incoming mail, allow mail from the library’s address “library@city.yanagawa.lg.jp”.',
    note4:
      '※ To prevent misuse, do not use a password that others could guess (your date of birth, phone number and so on).',
    register: 'Register',
    completed: 'Your password has been registered.',
    mailSentBefore:
      'Yanagawa City Library is sending a “password application received” mail to the address you registered (',
    mailSentAfter: ').',
    forgotIntro: 'Registered a password before and cannot remember it?',
  },
} as const satisfies CatalogOf<typeof registrationJa>;
