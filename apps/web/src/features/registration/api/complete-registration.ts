import type { RegistrationCompleteResponse } from '@library/domain/api';
import type { RegistrationCompleteInput } from '@library/domain/registration';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

export type CompleteRegistrationResult = RegistrationCompleteResponse;

/** 新規パスワード登録 step 2: POST /api/registration/complete. */
export function completeRegistration(body: RegistrationCompleteInput) {
  return api<CompleteRegistrationResult>('/registration/complete', { method: 'POST', body });
}

export function useCompleteRegistration() {
  return useMutation({ mutationFn: completeRegistration });
}
