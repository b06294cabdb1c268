import type { CommonPasswordCheck } from '@library/domain/registration';

let loading: Promise<CommonPasswordCheck> | undefined;

/**
 * The 49k-entry common-password list, fetched as its own chunk the first time a form that
 * sets a password needs it — never part of the login, portal or loan-list downloads.
 */
export function loadCommonPasswordCheck(): Promise<CommonPasswordCheck> {
  loading ??= import('@library/domain/common-passwords').then((m) => m.isCommonPassword);
  return loading;
}
