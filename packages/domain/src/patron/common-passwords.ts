import { dictionary } from '@zxcvbn-ts/language-common';
import type { CommonPasswordCheck } from './password.ts';

/**
 * The common-password list shipped with the product (I8): zxcvbn-ts's 49k most common
 * passwords. Its own entry point (`@library/domain/common-passwords`) so only the
 * registration and settings screens, and the BFF, load it — never the login chunk.
 */
export const commonPasswords: ReadonlySet<string> = new Set(dictionary['passwords-common']);

/** Case-insensitive: the list is lower case, and `Password1` is as guessable as `password1`. */
export const isCommonPassword: CommonPasswordCheck = (password) =>
  commonPasswords.has(password.toLowerCase());
