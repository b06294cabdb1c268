/** The login page's messages, without zod (the Japanese catalog of every page includes them). */
import { messageKeys } from '../i18n/message-keys.ts';

export const loginMessages = {
  passwordRequired: 'パスワードを入力してください。',
  invalidCredentials: '利用者番号またはパスワードが正しくありません。',
  locked:
    'ログインに続けて失敗したため、しばらくの間ログインできません。15分ほど時間をおいてからお試しください。',
  rateLimited: 'アクセスが集中しています。しばらく待ってからお試しください。',
} as const;

/** The catalog keys of these texts: what the schemas put into their issues. */
export const loginKeys = messageKeys('login', loginMessages);
