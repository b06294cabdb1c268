import type { EmailChangeInput } from '@library/domain/registration';
import { usePut } from '../../../lib/api-query.ts';

/** 利用者情報変更: PUT /api/me/email. GET /api/me carries the email shown as 旧メールアドレス. */
export function useChangeEmail() {
  return usePut<EmailChangeInput>('/me/email', (queryClient) =>
    queryClient.invalidateQueries({ queryKey: ['me'] }),
  );
}
