import type { RegistrationVerifyResponse } from '@library/domain/api';
import type { RegistrationVerifyInput } from '@library/domain/registration';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

export type VerifyIdentityResult = RegistrationVerifyResponse;

/** 新規パスワード登録 step 1: POST /api/registration/verify. */
export function verifyIdentity(body: RegistrationVerifyInput) {
  return api<VerifyIdentityResult>('/registration/verify', { method: 'POST', body });
}

export function useVerifyIdentity() {
  return useMutation({ mutationFn: verifyIdentity });
}
