/** Error codes of the HTTP API (docs/product.md §6) with the Japanese message patrons see. */
export const errorMessages = {
  validation_failed: '入力内容に誤りがあります。',
  invalid_json: '送信された内容を読み取れませんでした。',
  invalid_credentials: '利用者番号またはパスワードが正しくありません。',
  unauthenticated: 'ログインしてください。',
  forbidden: 'この操作は許可されていません。',
  forbidden_origin: 'このページからの操作は受け付けられません。',
  locked:
    'ログインに続けて失敗したため、しばらくの間ログインできません。15分ほど時間をおいてからお試しください。',
  rate_limited: 'アクセスが集中しています。しばらく待ってからお試しください。',
  not_found: 'ページが見つかりません。',
  payload_too_large: '送信された内容が大きすぎます。',
  service_unavailable: 'ただいまサービスを利用できません。しばらく待ってからお試しください。',
  internal_error: 'システムエラーが発生しました。しばらく待ってからお試しください。',
  patron_has_overdue: '返却期限日を過ぎた資料があるため、貸出延長の手続きができません。',
  identity_not_verified: '入力された利用者情報を確認できませんでした。内容をお確かめください。',
  already_registered:
    'パスワードはすでに登録されています。ログインするか、わからない場合は「パスワードを忘れた方」から再設定してください。',
  token_expired: '受付の有効期限が切れました。はじめからやり直してください。',
  not_registered: 'パスワードはまだ登録されていません。「新規パスワード登録」から登録してください。',
  /** The library's own ILS (CIRCULATION=sip2) cannot be reached or answers nonsense (docs/product.md §9). */
  ils_unavailable: '図書館システムに接続できません。しばらくしてからもう一度お試しください。',
  /** The ILS denies this patron renewals (SIP2 patron status position 2). */
  renewal_denied:
    '現在、この利用者カードでは貸出延長の手続きができません。図書館カウンターにお問い合わせください。',
  /** CIRCULATION=sip2 with SIP2_PASSWORDS=ils: patrons log in with the PIN the library gave them. */
  registration_not_available:
    'このサービスでは、図書館で登録した暗証番号でログインします。暗証番号がわからない場合は図書館カウンターにお問い合わせください。',
} as const;

export type ErrorCode = keyof typeof errorMessages;

/** The catalog key of an error code's message. */
export function errorKey(code: string): string {
  return `errors.${code}`;
}

/**
 * Field messages for what a schema does not word itself (a body that is not an object, a value
 * of the wrong type, an unexpected key): zod's own texts are English internals and never reach
 * a patron.
 */
export const validationMessages = {
  /** The body as a whole: not a JSON object, or an object of the wrong shape. */
  body: '送信された内容の形式が正しくありません。',
  /** One field whose value is not of the kind the form sends. */
  field: 'この項目の内容が正しくありません。',
} as const;

/** The catalog keys of `validationMessages`. */
export const validationKeys = { body: 'validation.body', field: 'validation.field' } as const;

export interface ApiErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}
