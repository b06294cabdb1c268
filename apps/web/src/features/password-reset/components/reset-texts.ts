/** Texts the password-reset screens share, as catalog keys (src/i18n/ja/password-reset.ts). */
export const SYSTEM_ERROR = 'errors.internal_error';
export const LIBRARY_ADDRESS_NOTE = 'reset.libraryAddress';
