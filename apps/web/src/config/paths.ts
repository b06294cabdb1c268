/** Every route path of the SPA, in one typed place. */
export const paths = {
  home: '/',
  login: '/login',
  portal: '/portal',
  loans: '/portal/loans',
  settings: '/portal/settings',
  registration: '/registration',
} as const;
