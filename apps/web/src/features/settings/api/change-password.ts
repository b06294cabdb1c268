import type { PasswordChangeInput } from '@library/domain/registration';
import { usePut } from '../../../lib/api-query.ts';

/** 利用者情報変更: PUT /api/me/password. */
export function useChangePassword() {
  return usePut<PasswordChangeInput>('/me/password');
}
