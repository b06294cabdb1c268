import type { CommonPasswordCheck, NewPasswordOptions, PasswordContext } from '@library/domain/registration';

let loading: Promise<CommonPasswordCheck> | undefined;

/**
 * The 49k-entry common-password list, fetched as its own chunk the first time a form that
 * sets a password needs it — never part of the login, portal or loan-list downloads.
 */
export function loadCommonPasswordCheck(): Promise<CommonPasswordCheck> {
  loading ??= import('@library/domain/common-passwords').then((m) => m.isCommonPassword);
  return loading;
}

/**
 * The options of a new-password schema (I8): what is known about the patron, and the list when
 * it could be loaded (without it the BFF, which always has it, still refuses a common password).
 */
export async function newPasswordOptions(context: PasswordContext): Promise<NewPasswordOptions> {
  return { context, isCommon: await loadCommonPasswordCheck().catch(() => undefined) };
}
