import type { CatalogOf } from '@library/domain';
import type { registrationJa } from '../ja/registration.ts';

export const registrationEn = {
  reg: {
    title: 'Register a password',
    passwordStepTitle: 'Register a password (password and email address)',
    completeStepTitle: 'Register a password (done)',
    complete: 'Done',
    verifyHeading: 'Confirm who you are',
    verifyIntro1: 'First we confirm that you are a patron of the library.',
    verifyIntro2: 'Please enter your details.',
    verifyFailed: 'We could not confirm who you are.',
    toLogin: 'Go to Log in',
    patronNumber: 'Patron number',
    patronNumberHint: '(9 half-width digits)',
    name: 'Name',
    nameHint: '(full-width katakana) No space between family and given name',
    birthDate: 'Date of birth',
    birthDateHint: '(year first, 8 half-width digits) e.g. 1 March 2009 → 20090301',
    verifying: 'Checking…',
    verify: 'Continue',
    phone: 'Phone number',
    phoneArea: 'area code',
    phoneLocal: 'exchange',
    phoneNumber: 'number',
    phonePart: 'Phone number, {{part}}',
    phoneHint: '(half-width digits) e.g. 999-0000-1111 → 9990000111',
    passwordHeading: 'Register your password',
    passwordIntro: 'Enter the password and the email address to register.',
    restart: 'Start again from “Confirm who you are”',
    password: 'New password',
    passwordHint: '(half-width letters and digits) 8 to 64 characters. Symbols are allowed too.',
    passwordConfirm: 'Repeat the password',
    passwordConfirmHint: '(to confirm it)',
    email1: 'Email address',
    oldEmail: 'Current email address',
    oldEmailHint: '(half-width characters)',
    newEmail: 'New email address',
    newEmailHint: '(half-width characters) (for contact)',
    notesHeading: 'Before you register',
    note1: '※ Please register an address of a computer or a smartphone.',
    note2:
      '※ An address with consecutive dots (.) may not receive the library’s mail: please do not register one.',
    note3:
      '※ If you filter incoming mail, allow mail from the library’s address “library@city.yanagawa.lg.jp”.',
    note4:
      '※ To prevent misuse, do not use a password that others could guess (your date of birth, phone number and so on).',
    registering: 'Registering…',
    register: 'Register',
    completed: 'Your password has been registered.',
    mailSentBefore:
      'Yanagawa City Library is sending a “password application received” mail to the address you registered (',
    mailSentAfter: ').',
    libraryAddress:
      '※ The library’s address is “library@city.yanagawa.lg.jp”. It is a send-only address: mail sent to it is not received.',
    toLoginScreen: 'Go to Log in',
  },
} as const satisfies CatalogOf<typeof registrationJa>;
