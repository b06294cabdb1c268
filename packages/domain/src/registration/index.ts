/**
 * Registration and account-settings rules (I2–I4, I6–I9, I11): their own entry point,
 * `@library/domain/registration`, so the kana library and these schemas load only with the
 * screens that use them — not with every page of the SPA through the main barrel.
 */
export * from '../patron/birth-date.ts';
export * from '../patron/email.ts';
export * from '../patron/password.ts';
export * from '../patron/patron-name.ts';
export * from '../patron/phone.ts';
export * from './catalog-ja.ts';
export * from './password-reset-schemas.ts';
export * from './registration-schemas.ts';
