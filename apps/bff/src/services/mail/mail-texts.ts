import { addCatalog, DEFAULT_LANGUAGE, type Language, t } from '@library/domain';

/**
 * The mails' texts by language (SPEC §12: mails follow the patron's language), and the calendar
 * feed's. Lines are joined with newlines; `{{…}}` are filled through `mailTexts` below.
 * lib/i18n.test.ts checks that both languages have the same keys and placeholders.
 */
export const mailCatalogJa = {
  mail: {
    library: '柳川市立図書館',
    address: '〒832-0000 福岡県柳川市',
    footerFrom: 'このメールは送信専用アドレス（{{from}}）から送信しています。',
    footerNoReply: 'このメールに返信することはできません。',
    footerAsk: 'お心当たりのない場合やご不明な点は、図書館カウンターまでお問い合わせください。',
    greeting: '{{name}} 様',
    registrationSubject: '【{{library}}】パスワード申請受付',
    registrationAccepted: '{{library}}の貸出延長サービスのパスワード申請を受け付けました。',
    registrationAt: '受付日時: {{when}}',
    registrationNext:
      '本日から、利用者番号と登録したパスワードでログインし、借りている資料の貸出延長ができます。',
    registrationKeep: 'パスワードは他人に知られないよう大切に保管してください。',
    passwordSubject: '【{{library}}】パスワード変更のお知らせ',
    passwordChanged: '貸出延長サービスのパスワードを変更しました。',
    changedAt: '変更日時: {{when}}',
    passwordOtherDevices:
      'ほかの端末でログインしていた場合は、ログアウトしています。新しいパスワードでログインしてください。',
    notYou: 'この変更にお心当たりのない場合は、至急図書館カウンターへご連絡ください。',
    emailSubject: '【{{library}}】メールアドレス変更のお知らせ',
    emailChanged: '{{scope}}のメールアドレスを変更しました。',
    emailScopeContact: '今後の図書館からの連絡先',
    emailScopeReservations: '登録済み予約の連絡先',
    emailScopeJoin: 'と',
    emailNew: '新しいメールアドレス: {{address}}',
    resetLinkSubject: '【{{library}}】パスワード再設定のご案内',
    resetLinkAccepted:
      '貸出延長サービスの「パスワードを忘れた方」から、パスワード再設定の申し込みを受け付けました。',
    resetLinkOpen: '次のリンクを開き、新しいパスワードを登録してください。',
    resetLinkValid:
      'このリンクは{{minutes}}分間、1回だけ有効です。もう一度申し込んだ場合は、新しいメールのリンクだけが有効です。',
    resetLinkNotYou: 'お心当たりのない場合は、このメールを破棄してください。パスワードは変更されません。',
    resetDoneSubject: '【{{library}}】パスワード再設定のお知らせ',
    resetDone: '貸出延長サービスのパスワードを再設定しました。',
    resetDoneAt: '再設定日時: {{when}}',
    resetDoneLoggedOut: 'すべての端末でログアウトしています。新しいパスワードでログインしてください。',
    resetDoneNotYou: 'この再設定にお心当たりのない場合は、至急図書館カウンターへご連絡ください。',
    noticeReminderSubject: '【{{library}}】返却期限日のお知らせ',
    noticeOverdueSubject: '【{{library}}】返却期限日を過ぎた資料のお知らせ',
    noticeFrom: '{{library}}です。',
    noticeReminderLead: 'お借りの資料{{count}}点の返却期限日は {{date}} です。',
    noticeOverdueLead: 'お借りの資料{{count}}点の返却期限日（{{date}}）が過ぎています。',
    noticeOverdueReturn:
      'お早めに図書館へご返却ください。返却期限日を過ぎた資料があるあいだは、貸出延長の手続きができません。',
    noticeReminderAction: '貸出延長（1点につき1回まで）は、貸出一覧からお手続きいただけます。',
    noticeOverdueAction: '貸出状況は、貸出一覧でご確認いただけます。',
    noticeLoansLine: '貸出一覧: {{url}}',
    noticeReturned: 'すでにご返却済みの場合は、このメールは破棄してください。',
    noticeSettings: 'このお知らせは、利用者情報変更の「お知らせの設定」で止めることができます: {{url}}',
    noticeOpenLoans: '貸出一覧を開く',
    noticeSettingsBefore: 'このお知らせは、利用者情報変更の「お知らせの設定」で',
    noticeSettingsLink: '止めることができます',
    noticeSettingsAfter: '。',
    noticeDate: '{{date}}（{{weekday}}）',
    noticeWeekdays: '日,月,火,水,木,金,土',
    noticeItem: '・{{title}}',
    pushReminderTitle: '返却期限日のお知らせ',
    pushOverdueTitle: '返却期限日を過ぎた資料があります',
    pushReminderBody: '{{count}}点の返却期限日は {{date}} です。',
    pushOverdueBody: '{{count}}点の返却期限日（{{date}}）が過ぎています。',
    feedName: '柳川市立図書館 返却期限日',
    feedDescription: '貸出中の資料の返却期限日（貸出延長サービス）',
    feedEventText: '{{count}}点の資料の返却期限日です。',
    feedSummary: '返却期限日 ({{count}}点)',
    feedAlarm: '明日は返却期限日です ({{count}}点)',
  },
} as const;

export const mailCatalogEn = {
  mail: {
    library: 'Yanagawa City Library',
    address: 'Yanagawa, Fukuoka 832-0000, Japan',
    footerFrom: 'This mail was sent from a send-only address ({{from}}).',
    footerNoReply: 'Replies to this mail cannot be received.',
    footerAsk: 'If you did not expect this mail or have any questions, please ask at the library counter.',
    greeting: 'Dear {{name}},',
    registrationSubject: '[{{library}}] Your password application has been received',
    registrationAccepted:
      'We have received your password application for the loan renewal service of {{library}}.',
    registrationAt: 'Received: {{when}}',
    registrationNext:
      'From today you can log in with your patron number and the password you registered, and renew the items you have borrowed.',
    registrationKeep: 'Please keep your password safe and do not share it with anyone.',
    passwordSubject: '[{{library}}] Your password has been changed',
    passwordChanged: 'The password of your loan renewal service account has been changed.',
    changedAt: 'Changed: {{when}}',
    passwordOtherDevices:
      'If you were logged in on other devices, you have been logged out there. Please log in with the new password.',
    notYou: 'If you did not make this change, please contact the library counter at once.',
    emailSubject: '[{{library}}] Your email address has been changed',
    emailChanged: 'The email address for {{scope}} has been changed.',
    emailScopeContact: 'future contact from the library',
    emailScopeReservations: 'your existing reservations',
    emailScopeJoin: ' and ',
    emailNew: 'New email address: {{address}}',
    resetLinkSubject: '[{{library}}] Resetting your password',
    resetLinkAccepted:
      'We have received a request to reset your password through “Forgot your password?” of the loan renewal service.',
    resetLinkOpen: 'Open the link below and register a new password.',
    resetLinkValid:
      'The link is valid once, for {{minutes}} minutes. If you ask again, only the link in the newest mail works.',
    resetLinkNotYou:
      'If you did not ask for this, please delete this mail. Your password has not been changed.',
    resetDoneSubject: '[{{library}}] Your password has been reset',
    resetDone: 'The password of your loan renewal service account has been reset.',
    resetDoneAt: 'Reset: {{when}}',
    resetDoneLoggedOut: 'You have been logged out on every device. Please log in with the new password.',
    resetDoneNotYou: 'If you did not make this reset, please contact the library counter at once.',
    noticeReminderSubject: '[{{library}}] Your items are due soon',
    noticeOverdueSubject: '[{{library}}] Your items are overdue',
    noticeFrom: 'This is {{library}}.',
    noticeReminderLead: 'The {{count}} item(s) you borrowed are due on {{date}}.',
    noticeOverdueLead: 'The {{count}} item(s) you borrowed were due on {{date}} and are now overdue.',
    noticeOverdueReturn:
      'Please return them to the library soon. While you have overdue items, loans cannot be renewed.',
    noticeReminderAction: 'You can renew them (once per item) on the Loans page.',
    noticeOverdueAction: 'You can check your loans on the Loans page.',
    noticeLoansLine: 'Loans: {{url}}',
    noticeReturned: 'If you have already returned them, please ignore this mail.',
    noticeSettings: 'You can stop these reminders under “Reminders” in your account settings: {{url}}',
    noticeOpenLoans: 'Open Loans',
    noticeSettingsBefore: 'You can ',
    noticeSettingsLink: 'stop these reminders',
    noticeSettingsAfter: ' under “Reminders” in your account settings.',
    noticeDate: '{{date}} ({{weekday}})',
    noticeWeekdays: 'Sun,Mon,Tue,Wed,Thu,Fri,Sat',
    noticeItem: '• {{title}}',
    pushReminderTitle: 'Your items are due soon',
    pushOverdueTitle: 'You have overdue items',
    pushReminderBody: '{{count}} item(s) due on {{date}}.',
    pushOverdueBody: '{{count}} item(s) were due on {{date}}.',
    feedName: 'Yanagawa City Library due dates',
    feedDescription: 'Due dates of the items you have on loan (loan renewal service)',
    feedEventText: '{{count}} item(s) due today.',
    feedSummary: 'Due date ({{count}} item(s))',
    feedAlarm: 'Due tomorrow ({{count}} item(s))',
  },
} as const satisfies { mail: Record<keyof (typeof mailCatalogJa)['mail'], string> };

// Registered once, here beside the texts: whatever writes a mail or the feed reads them through
// `mailTexts`, so importing it is what makes them there (lib/i18n.ts imports this module too).
addCatalog('ja', mailCatalogJa);
addCatalog('en', mailCatalogEn);

export type MailTextKey = keyof (typeof mailCatalogJa)['mail'];

/** The mail area's texts in one language: `m(key, params)`, with `{{library}}` filled in. */
export interface MailTexts {
  (key: MailTextKey, params?: Record<string, string | number>): string;
  /** The language they are in: the one asked for, Japanese when there is none. */
  readonly lang: Language;
}

/** The texts of a mail (or the calendar feed) in the patron's language; Japanese when none is saved. */
export function mailTexts(lang?: Language | null): MailTexts {
  const language = lang ?? DEFAULT_LANGUAGE;
  const library = t(language, 'mail.library');
  const m = (key: MailTextKey, params: Record<string, string | number> = {}) =>
    t(language, `mail.${key}`, { library, ...params });
  return Object.assign(m, { lang: language });
}
