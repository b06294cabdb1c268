import { messageKeys } from '../i18n/message-keys.ts';
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 64;

export type PasswordProblem =
  | 'required'
  | 'too_short'
  | 'too_long'
  | 'invalid_characters'
  | 'contains_birth_date'
  | 'contains_phone'
  | 'contains_patron_number'
  | 'repeated_character'
  | 'common';

export const passwordMessages = {
  required: 'パスワードを入力してください。',
  too_short: `パスワードは${PASSWORD_MIN}文字以上で入力してください。`,
  too_long: `パスワードは${PASSWORD_MAX}文字以内で入力してください。`,
  invalid_characters:
    'パスワードに全角文字や使用できない文字が含まれています。半角の英数字・記号で入力してください。',
  contains_birth_date: 'パスワードに生年月日を含めることはできません。',
  contains_phone: 'パスワードに電話番号を含めることはできません。',
  contains_patron_number: 'パスワードに利用者番号を含めることはできません。',
  repeated_character: '同じ文字の繰り返しはパスワードにできません。',
  common:
    'このパスワードはよく使われていて推測されやすいため、登録できません。別のパスワードにしてください。',
  confirmRequired: '確認のため、パスワードをもう一度入力してください。',
  confirmMismatch: '確認のため再入力したパスワードが一致しません。',
  currentRequired: '現在のパスワードを入力してください。',
  currentWrong: '現在のパスワードが正しくありません。',
  sameAsCurrent: '現在と同じパスワードには変更できません。',
} as const satisfies Record<PasswordProblem | string, string>;

/** The catalog keys of these texts: what the schemas put into their issues. */
export const passwordKeys = messageKeys('password', passwordMessages);

/** What a guesser could know about the patron (I8). Birth date as `YYYY-MM-DD`, phone as digits. */
export interface PasswordContext {
  birthDate?: string;
  phone?: string;
  patronNumber?: string;
}

/** Answers whether a password is on the shipped common-password list (`@library/domain/common-passwords`). */
export type CommonPasswordCheck = (password: string) => boolean;

/** Printable ASCII, space included: the guide's 半角英数字 plus symbols (NIST SP 800-63B). */
const HALF_WIDTH_PRINTABLE = /^[\x20-\x7E]*$/;

/**
 * I8: every reason the password is refused, most basic first; empty when it is acceptable.
 * No composition rules. `isCommon` is injected so the 49k-entry list loads only where needed.
 */
export function passwordProblems(
  password: string,
  context: PasswordContext = {},
  isCommon?: CommonPasswordCheck,
): PasswordProblem[] {
  if (password === '') return ['required'];
  if (!HALF_WIDTH_PRINTABLE.test(password)) return ['invalid_characters'];
  if (password.length < PASSWORD_MIN) return ['too_short'];
  if (password.length > PASSWORD_MAX) return ['too_long'];
  const problems: PasswordProblem[] = [];
  const birth = context.birthDate?.replaceAll('-', '');
  if (birth && /^\d{8}$/.test(birth)) {
    if ([birth, birth.slice(2), birth.slice(4)].some((part) => password.includes(part))) {
      problems.push('contains_birth_date');
    }
  }
  const phone = context.phone?.replace(/\D/g, '');
  if (phone && phone.length >= 4 && (password.includes(phone) || password.includes(phone.slice(-4)))) {
    problems.push('contains_phone');
  }
  if (context.patronNumber && password.includes(context.patronNumber)) {
    problems.push('contains_patron_number');
  }
  if (/^(.)\1*$/s.test(password)) problems.push('repeated_character');
  if (isCommon?.(password)) problems.push('common');
  return problems;
}

/** The message of the first problem, or undefined. */
export function passwordError(
  password: string,
  context?: PasswordContext,
  isCommon?: CommonPasswordCheck,
): string | undefined {
  const [first] = passwordProblems(password, context, isCommon);
  return first ? passwordKeys[first] : undefined;
}

export interface NewPasswordOptions {
  context?: PasswordContext;
  isCommon?: CommonPasswordCheck;
}
