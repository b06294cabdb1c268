/** The patron number's messages, without zod (the Japanese catalog of every page includes them). */
import { messageKeys } from '../i18n/message-keys.ts';

export const patronNumberMessages = {
  required: '利用者番号を入力してください。',
  format: '利用者番号は「100」「200」「300」から始まる9桁の数字で入力してください。',
} as const;

/** The catalog keys of these texts: what the schemas put into their issues. */
export const patronNumberKeys = messageKeys('patronNumber', patronNumberMessages);
