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
} as const;
