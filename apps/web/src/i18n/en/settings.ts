import type { CatalogOf } from '@library/domain';
import type { settingsJa } from '../ja/settings.ts';

export const settingsEn = {
  settings: {
    title: 'Change account details',
    intro:
      'You can change your password and email address. After a change, a confirmation mail is sent to your registered address.',
    emailHeading: 'Change your email address',
    emailDone: 'Your email address has been changed. A confirmation mail is being sent to {{email}}.',
    oldEmail: 'Current email address',
    oldEmailHint: '(half-width characters)',
    newEmail: 'New email address',
    newEmailHint: '(half-width characters) (for contact)',
    dotsNote:
      '※ An address with consecutive dots (.) may not receive the library’s mail: please do not register one.',
    changing: 'Changing…',
    changeEmail: 'Change email address',
    passwordHeading: 'Change your password',
    passwordDone:
      'Your password has been changed. You have been logged out on other devices. A confirmation mail is being sent.',
    currentPassword: 'Current password',
    newPassword: 'New password',
    newPasswordHint:
      '(half-width letters and digits) 8 to 64 characters. Symbols are allowed too. Nothing easy to guess such as your date of birth or phone number.',
    passwordConfirm: 'Repeat the new password',
    passwordConfirmHint: '(to confirm it)',
    changePassword: 'Change password',
  },
} as const satisfies CatalogOf<typeof settingsJa>;
