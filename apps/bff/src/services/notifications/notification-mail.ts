import { dayOfWeek, formatDateJa, type PlainDate, type PushPayload, WEEKDAY_LABELS } from '@library/domain';
import type { NotificationKind } from '@library/domain/notifications';
import { FOOTER_LINES, LIBRARY, LIBRARY_ADDRESS, type MailContent } from '../mail/mail-templates.ts';

export const REMINDER_SUBJECT = `【${LIBRARY}】返却期限日のお知らせ`;
export const OVERDUE_SUBJECT = `【${LIBRARY}】返却期限日を過ぎた資料のお知らせ`;

export interface NotificationMailInput {
  kind: NotificationKind;
  name: string;
  dueDate: PlainDate;
  /** The titles of that day's items; shown only when `includeTitles`. */
  titles: readonly string[];
  includeTitles: boolean;
  /** Absolute URL of 貸出一覧. */
  loansUrl: string;
  /** Absolute URL of 利用者情報変更, where the mail is switched off. */
  settingsUrl: string;
  from: string;
}

/** 2021-01-25 → 2021/01/25（月） */
export function dueDateJa(date: PlainDate): string {
  return `${formatDateJa(date)}（${WEEKDAY_LABELS[dayOfWeek(date)]}）`;
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** The message, as lines of text with the one link marked, so text and HTML say the same. */
function content(input: NotificationMailInput) {
  const count = input.titles.length;
  const date = dueDateJa(input.dueDate);
  const lead =
    input.kind === 'reminder'
      ? [`お借りの資料${count}点の返却期限日は ${date} です。`]
      : [
          `お借りの資料${count}点の返却期限日（${date}）が過ぎています。`,
          'お早めに図書館へご返却ください。返却期限日を過ぎた資料があるあいだは、貸出延長の手続きができません。',
        ];
  const action =
    input.kind === 'reminder'
      ? '貸出延長（1点につき1回まで）は、貸出一覧からお手続きいただけます。'
      : '貸出状況は、貸出一覧でご確認いただけます。';
  const closing = [
    'すでにご返却済みの場合は、このメールは破棄してください。',
    `このお知らせは、利用者情報変更の「お知らせの設定」で止めることができます: ${input.settingsUrl}`,
  ];
  return { lead, action, closing, titles: input.includeTitles ? input.titles : [] };
}

/** 返却期限日のお知らせ / 返却期限日を過ぎた資料のお知らせ: plain text and HTML for a phone. */
export function notificationMail(input: NotificationMailInput): MailContent {
  const c = content(input);
  const text = [
    `${input.name} 様`,
    '',
    `${LIBRARY}です。`,
    ...c.lead,
    ...(c.titles.length > 0 ? ['', ...c.titles.map((t) => `・${t}`)] : []),
    '',
    c.action,
    `貸出一覧: ${input.loansUrl}`,
    '',
    ...c.closing,
    '',
    '――――――――――――――――――――',
    ...FOOTER_LINES(input.from),
    '',
    LIBRARY,
    LIBRARY_ADDRESS,
  ].join('\n');

  const p = (line: string) => `<p style="margin:0 0 12px">${escapeHtml(line)}</p>`;
  const html = `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.kind === 'reminder' ? REMINDER_SUBJECT : OVERDUE_SUBJECT)}</title>
</head>
<body style="margin:0;padding:0;background:#ffffff;color:#1a1a1a">
<div style="max-width:600px;margin:0 auto;padding:16px;font-family:sans-serif;font-size:16px;line-height:1.7;word-break:break-word">
${p(`${input.name} 様`)}
${p(`${LIBRARY}です。`)}
${c.lead.map((l) => `<p style="margin:0 0 12px;font-weight:bold">${escapeHtml(l)}</p>`).join('\n')}
${c.titles.length > 0 ? `<ul style="margin:0 0 12px;padding-left:1.4em">${c.titles.map((t) => `<li>${escapeHtml(t)}</li>`).join('')}</ul>` : ''}
${p(c.action)}
<p style="margin:0 0 20px"><a href="${escapeHtml(input.loansUrl)}" style="display:inline-block;padding:12px 20px;background:#1d4f91;color:#ffffff;text-decoration:none;border-radius:4px;font-weight:bold">貸出一覧を開く</a></p>
${p(c.closing[0]!)}
<p style="margin:0 0 12px">このお知らせは、利用者情報変更の「お知らせの設定」で<a href="${escapeHtml(input.settingsUrl)}" style="color:#1d4f91">止めることができます</a>。</p>
<hr style="border:0;border-top:1px solid #cccccc;margin:20px 0">
<div style="font-size:14px;color:#444444">
${FOOTER_LINES(input.from).map(p).join('\n')}
${p(LIBRARY)}
${p(LIBRARY_ADDRESS)}
</div>
</div>
</body>
</html>
`;
  return {
    kind: input.kind === 'reminder' ? 'due_reminder' : 'overdue_notice',
    subject: input.kind === 'reminder' ? REMINDER_SUBJECT : OVERDUE_SUBJECT,
    body: text,
    html,
  };
}

/** The push message for the same notification (sent by the push outbox when the patron wants it). */
/** Count and date only, never titles: a lock screen is even less private than a mailbox. */
export function notificationPushPayload(
  input: Pick<NotificationMailInput, 'kind' | 'dueDate' | 'titles'>,
): PushPayload {
  const count = input.titles.length;
  return {
    title: input.kind === 'reminder' ? '返却期限日のお知らせ' : '返却期限日を過ぎた資料があります',
    body:
      input.kind === 'reminder'
        ? `${count}点の返却期限日は ${dueDateJa(input.dueDate)} です。`
        : `${count}点の返却期限日（${dueDateJa(input.dueDate)}）が過ぎています。`,
    url: '/portal/loans',
    tag: `${input.kind}-${input.dueDate}`,
  };
}
