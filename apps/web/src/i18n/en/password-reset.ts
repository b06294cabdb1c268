import type { CatalogOf } from '@library/domain';
import type { passwordResetJa } from '../ja/password-reset.ts';

export const passwordResetEn = {
  reset: {
    titleStep: 'Forgot your password? ({{step}})',
    intro: 'If you have forgotten your password, you can register a new one in either of these ways.',
    stepMail: 'mail sent',
    stepIdentity: 'confirm who you are',
    stepPassword: 'new password',
    crumbPassword: 'Register a new password',
    stepDone: 'done',
    identityHeading: 'Reset by confirming who you are',
    identityIntro1: 'First we confirm that you are a patron of the library.',
    identityFailed: 'We could not confirm who you are.',
    toRegistration: 'Go to Register a password',
    verify: 'Confirm',
    passwordHeading: 'Reset your password',
    passwordIntro: 'Enter a new password. When it is registered, you are logged out on every other device.',
    restart: 'Start again',
    passwordNote:
      '※ Do not use a password that others could guess (your date of birth, phone number and so on).',
    submit: 'Reset password',
    mailHeading: 'Reset by email',
    mailIntro: 'We send a link to reset your password to your registered email address.',
    mailPatronNumberHint: '{{digits}} The number on the back of your library card',
    sending: 'Sending…',
    send: 'Send the mail',
    identityOptionText:
      'If you have no registered email address, confirm who you are with your patron number, name, date of birth and phone number, and register a new password.',
    identityOptionLink: 'Reset by confirming who you are',
    sentHeading: 'Mail sent',
    sentText:
      'If an email address is registered for the patron number you entered, we have sent it a mail with a link to reset your password.',
    sentOpen:
      'Open the link in the mail and register a new password. The link is valid for {{minutes}} minutes and works once.',
    sentNoMailBefore: 'If no mail arrives, ',
    sentNoMailLink: 'reset by confirming who you are',
    sentNoMailAfter: ', or ask at the library counter.',
    doneHeading: 'Done',
    done: 'Your password has been reset.',
    doneSessions: 'You have been logged out on every other device. Please log in with the new password.',
    doneMail:
      'If an email address is registered, Yanagawa City Library is sending a “password reset” mail to it.',
    pinHeading: 'About your password (PIN)',
    pinText:
      'Your password (PIN) is managed by the library. If you have forgotten it or want to change it, please bring your library card to the library counter.',
  },
} as const satisfies CatalogOf<typeof passwordResetJa>;
