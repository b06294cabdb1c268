import { formatDateJa, type Language, plainDateInTokyo } from '@library/domain';
import { type MailTextKey, type MailTexts, mailCatalogJa, mailTexts } from './mail-texts.ts';

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

export const LIBRARY = mailCatalogJa.mail.library;
export const LIBRARY_ADDRESS = mailCatalogJa.mail.address;

/** The send-only notice under every mail, in the mail's language. */
export const footerLines = (m: MailTexts, from: string) => [
  m('footerFrom', { from }),
  m('footerNoReply'),
  m('footerAsk'),
];

/** Tokyo wall-clock time of the change, as people write it: 2021/01/20 10:00 (in every language). */
function when(at: Date): string {
  const time = new Intl.DateTimeFormat('ja-JP', {
    timeZone: 'Asia/Tokyo',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(at);
  return `${formatDateJa(plainDateInTokyo(at))} ${time}`;
}

/** The rule, the send-only notice and the library's name and address that end every mail's text. */
export function footer(m: MailTexts, from: string): string {
  return ['', '――――――――――――――――――――', ...footerLines(m, from), '', m('library'), m('address')].join('\n');
}

/** What every mail about the patron's account is written from. */
export interface AccountMailInput {
  name: string;
  at: Date;
  from: string;
  lang?: Language;
}

/** An account mail: the greeting, the lines of its kind (given the time as people write it), the footer. */
function accountMail(
  kind: MailKind,
  subject: MailTextKey,
  input: AccountMailInput,
  lines: (m: MailTexts, at: string) => string[],
): MailContent {
  const m = mailTexts(input.lang);
  return {
    kind,
    subject: m(subject),
    body: [m('greeting', { name: input.name }), '', ...lines(m, when(input.at)), footer(m, input.from)].join(
      '\n',
    ),
  };
}

/** 「パスワード申請受付」 (I10): sent to the address given at registration. */
export function registrationAcceptedMail(input: AccountMailInput): MailContent {
  return accountMail('registration_accepted', 'registrationSubject', input, (m, at) => [
    m('registrationAccepted'),
    m('registrationAt', { when: at }),
    '',
    m('registrationNext'),
    m('registrationKeep'),
  ]);
}

/** I11: a password change is confirmed to the patron's contact address. */
export function passwordChangedMail(input: AccountMailInput): MailContent {
  return accountMail('password_changed', 'passwordSubject', input, (m, at) => [
    m('passwordChanged'),
    m('changedAt', { when: at }),
    '',
    m('passwordOtherDevices'),
    m('notYou'),
  ]);
}

/** I11: an email change is confirmed to the new address (and, as a warning, to the old one). */
export function emailChangedMail(
  input: AccountMailInput & { newAddress: string; forContact: boolean; forReservations: boolean },
): MailContent {
  return accountMail('email_changed', 'emailSubject', input, (m, at) => {
    const scope = [
      input.forContact ? m('emailScopeContact') : undefined,
      input.forReservations ? m('emailScopeReservations') : undefined,
    ].filter(Boolean);
    return [
      m('emailChanged', { scope: scope.join(m('emailScopeJoin')) }),
      m('emailNew', { address: input.newAddress }),
      m('changedAt', { when: at }),
      '',
      m('notYou'),
    ];
  });
}

/**
 * パスワードを忘れた方 by mail (docs/product.md §11): the single-use link, to the address on file only.
 * The link holds the token: the mail is the one place it is ever written.
 */
export function passwordResetLinkMail(
  input: AccountMailInput & { link: string; validMinutes: number },
): MailContent {
  return accountMail('password_reset_link', 'resetLinkSubject', input, (m, at) => [
    m('resetLinkAccepted'),
    m('registrationAt', { when: at }),
    '',
    m('resetLinkOpen'),
    input.link,
    '',
    m('resetLinkValid', { minutes: String(input.validMinutes) }),
    m('resetLinkNotYou'),
  ]);
}

/** パスワード再設定のお知らせ (docs/product.md §11): the reset is confirmed to the address on file. */
export function passwordResetCompletedMail(input: AccountMailInput): MailContent {
  return accountMail('password_reset_completed', 'resetDoneSubject', input, (m, at) => [
    m('resetDone'),
    m('resetDoneAt', { when: at }),
    '',
    m('resetDoneLoggedOut'),
    m('resetDoneNotYou'),
  ]);
}
