/** Every route path of the SPA, in one typed place. */
export const paths = {
  home: '/',
  login: '/login',
  portal: '/portal',
  loans: '/portal/loans',
  settings: '/portal/settings',
  registration: '/registration',
  registrationPassword: '/registration/password',
  registrationComplete: '/registration/complete',
  /** パスワードを忘れた方; with `?token=…` (the mailed link) the new-password form. */
  passwordReset: '/password-reset',
  passwordResetSent: '/password-reset/sent',
  passwordResetIdentity: '/password-reset/identity',
  passwordResetPassword: '/password-reset/password',
  passwordResetComplete: '/password-reset/complete',
} as const;
