import { formatDateJa, plainDateInTokyo } from '@library/domain';

export type MailKind =
  | 'registration_accepted'
  | 'password_changed'
  | 'email_changed'
  | 'password_reset_link'
  | 'password_reset_completed'
  | 'due_reminder'
  | 'overdue_notice';

export interface MailContent {
  kind: MailKind;
  subject: string;
  /** The plain-text part: always there, what every client can show. */
  body: string;
  /** An HTML alternative of the same text, for the mails that have one. */
  html?: string;
}

export const LIBRARY = '柳川市立図書館';

/** Tokyo wall-clock time of the change, as people write it: 2021/01/20 10:00. */
function whenJa(at: Date): string {
  const time = new Intl.DateTimeFormat('ja-JP', {
    timeZone: 'Asia/Tokyo',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(at);
  return `${formatDateJa(plainDateInTokyo(at))} ${time}`;
}

/** The send-only notice and the library's name under every mail. */
export const FOOTER_LINES = (from: string) => [
  `このメールは送信専用アドレス（${from}）から送信しています。`,
  'このメールに返信することはできません。',
  'お心当たりのない場合やご不明な点は、図書館カウンターまでお問い合わせください。',
];

export const LIBRARY_ADDRESS = '〒832-0000 福岡県柳川市';

function footer(from: string): string {
  return ['', '――――――――――――――――――――', ...FOOTER_LINES(from), '', LIBRARY, LIBRARY_ADDRESS].join('\n');
}

/** 「パスワード申請受付」 (I10): sent to the address given at registration. */
export function registrationAcceptedMail(input: { name: string; at: Date; from: string }): MailContent {
  return {
    kind: 'registration_accepted',
    subject: `【${LIBRARY}】パスワード申請受付`,
    body: [
      `${input.name} 様`,
      '',
      `${LIBRARY}の貸出延長サービスのパスワード申請を受け付けました。`,
      `受付日時: ${whenJa(input.at)}`,
      '',
      '本日から、利用者番号と登録したパスワードでログインし、借りている資料の貸出延長ができます。',
      'パスワードは他人に知られないよう大切に保管してください。',
      footer(input.from),
    ].join('\n'),
  };
}

/** I11: a password change is confirmed to the patron's contact address. */
export function passwordChangedMail(input: { name: string; at: Date; from: string }): MailContent {
  return {
    kind: 'password_changed',
    subject: `【${LIBRARY}】パスワード変更のお知らせ`,
    body: [
      `${input.name} 様`,
      '',
      '貸出延長サービスのパスワードを変更しました。',
      `変更日時: ${whenJa(input.at)}`,
      '',
      'ほかの端末でログインしていた場合は、ログアウトしています。新しいパスワードでログインしてください。',
      'この変更にお心当たりのない場合は、至急図書館カウンターへご連絡ください。',
      footer(input.from),
    ].join('\n'),
  };
}

/** I11: an email change is confirmed to the new address (and, as a warning, to the old one). */
export function emailChangedMail(input: {
  name: string;
  at: Date;
  from: string;
  newAddress: string;
  forContact: boolean;
  forReservations: boolean;
}): MailContent {
  const scope = [
    input.forContact ? '今後の図書館からの連絡先' : undefined,
    input.forReservations ? '登録済み予約の連絡先' : undefined,
  ].filter(Boolean);
  return {
    kind: 'email_changed',
    subject: `【${LIBRARY}】メールアドレス変更のお知らせ`,
    body: [
      `${input.name} 様`,
      '',
      `${scope.join('と')}のメールアドレスを変更しました。`,
      `新しいメールアドレス: ${input.newAddress}`,
      `変更日時: ${whenJa(input.at)}`,
      '',
      'この変更にお心当たりのない場合は、至急図書館カウンターへご連絡ください。',
      footer(input.from),
    ].join('\n'),
  };
}

/**
 * パスワードを忘れた方 by mail (docs/product.md §11): the single-use link, to the address on file only.
 * The link holds the token: the mail is the one place it is ever written.
 */
export function passwordResetLinkMail(input: {
  name: string;
  at: Date;
  from: string;
  link: string;
  validMinutes: number;
}): MailContent {
  return {
    kind: 'password_reset_link',
    subject: `【${LIBRARY}】パスワード再設定のご案内`,
    body: [
      `${input.name} 様`,
      '',
      '貸出延長サービスの「パスワードを忘れた方」から、パスワード再設定の申し込みを受け付けました。',
      `受付日時: ${whenJa(input.at)}`,
      '',
      '次のリンクを開き、新しいパスワードを登録してください。',
      input.link,
      '',
      `このリンクは${input.validMinutes}分間、1回だけ有効です。もう一度申し込んだ場合は、新しいメールのリンクだけが有効です。`,
      'お心当たりのない場合は、このメールを破棄してください。パスワードは変更されません。',
      footer(input.from),
    ].join('\n'),
  };
}

/** パスワード再設定のお知らせ (docs/product.md §11): the reset is confirmed to the address on file. */
export function passwordResetCompletedMail(input: { name: string; at: Date; from: string }): MailContent {
  return {
    kind: 'password_reset_completed',
    subject: `【${LIBRARY}】パスワード再設定のお知らせ`,
    body: [
      `${input.name} 様`,
      '',
      '貸出延長サービスのパスワードを再設定しました。',
      `再設定日時: ${whenJa(input.at)}`,
      '',
      'すべての端末でログアウトしています。新しいパスワードでログインしてください。',
      'この再設定にお心当たりのない場合は、至急図書館カウンターへご連絡ください。',
      footer(input.from),
    ].join('\n'),
  };
}
