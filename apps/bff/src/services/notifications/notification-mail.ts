import { dayOfWeek, formatDateJa, type Language, type PlainDate, type PushPayload } from '@library/domain';
import type { NotificationKind } from '@library/domain/notifications';
import { footer, footerLines, type MailContent } from '../mail/mail-templates.ts';
import { type MailTexts, mailTexts } from '../mail/mail-texts.ts';

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
  /** The patron's saved language (SPEC §12); Japanese when none is saved. */
  lang?: Language | null;
}

/** 2021-01-25 → 2021/01/25（月） / 2021/01/25 (Mon): the weekday in the mail's language. */
function dueDateJa(m: MailTexts, date: PlainDate): string {
  const weekday = m('noticeWeekdays').split(',')[dayOfWeek(date)]!;
  return m('noticeDate', { date: formatDateJa(date), weekday });
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** The message, as lines of text with the one link marked, so text and HTML say the same. */
function content(input: NotificationMailInput) {
  const m = mailTexts(input.lang);
  const count = input.titles.length;
  const date = dueDateJa(m, input.dueDate);
  const lead =
    input.kind === 'reminder'
      ? [m('noticeReminderLead', { count, date })]
      : [m('noticeOverdueLead', { count, date }), m('noticeOverdueReturn')];
  const action = input.kind === 'reminder' ? m('noticeReminderAction') : m('noticeOverdueAction');
  const closing = [m('noticeReturned'), m('noticeSettings', { url: input.settingsUrl })];
  const subject = input.kind === 'reminder' ? m('noticeReminderSubject') : m('noticeOverdueSubject');
  return { m, lang: m.lang, subject, lead, action, closing, titles: input.includeTitles ? input.titles : [] };
}

/** 返却期限日のお知らせ / 返却期限日を過ぎた資料のお知らせ: plain text and HTML for a phone. */
export function notificationMail(input: NotificationMailInput): MailContent {
  const c = content(input);
  const { m } = c;
  const text = [
    m('greeting', { name: input.name }),
    '',
    m('noticeFrom'),
    ...c.lead,
    ...(c.titles.length > 0 ? ['', ...c.titles.map((title) => m('noticeItem', { title }))] : []),
    '',
    c.action,
    m('noticeLoansLine', { url: input.loansUrl }),
    '',
    ...c.closing,
    footer(m, input.from),
  ].join('\n');

  const p = (line: string) => `<p style="margin:0 0 12px">${escapeHtml(line)}</p>`;
  const html = `<!doctype html>
<html lang="${c.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(c.subject)}</title>
</head>
<body style="margin:0;padding:0;background:#ffffff;color:#1a1a1a">
<div style="max-width:600px;margin:0 auto;padding:16px;font-family:sans-serif;font-size:16px;line-height:1.7;word-break:break-word">
${p(m('greeting', { name: input.name }))}
${p(m('noticeFrom'))}
${c.lead.map((l) => `<p style="margin:0 0 12px;font-weight:bold">${escapeHtml(l)}</p>`).join('\n')}
${c.titles.length > 0 ? `<ul style="margin:0 0 12px;padding-left:1.4em">${c.titles.map((t) => `<li>${escapeHtml(t)}</li>`).join('')}</ul>` : ''}
${p(c.action)}
<p style="margin:0 0 20px"><a href="${escapeHtml(input.loansUrl)}" style="display:inline-block;padding:12px 20px;background:#1d4f91;color:#ffffff;text-decoration:none;border-radius:4px;font-weight:bold">${escapeHtml(m('noticeOpenLoans'))}</a></p>
${p(c.closing[0]!)}
<p style="margin:0 0 12px">${escapeHtml(m('noticeSettingsBefore'))}<a href="${escapeHtml(input.settingsUrl)}" style="color:#1d4f91">${escapeHtml(m('noticeSettingsLink'))}</a>${escapeHtml(m('noticeSettingsAfter'))}</p>
<hr style="border:0;border-top:1px solid #cccccc;margin:20px 0">
<div style="font-size:14px;color:#444444">
${footerLines(m, input.from).map(p).join('\n')}
${p(m('library'))}
${p(m('address'))}
</div>
</div>
</body>
</html>
`;
  return {
    kind: input.kind === 'reminder' ? 'due_reminder' : 'overdue_notice',
    subject: c.subject,
    body: text,
    html,
  };
}

/** The push message for the same notification (sent by the push outbox when the patron wants it). */
/** Count and date only, never titles: a lock screen is even less private than a mailbox. */
export function notificationPushPayload(
  input: Pick<NotificationMailInput, 'kind' | 'dueDate' | 'titles' | 'lang'>,
): PushPayload {
  const m = mailTexts(input.lang);
  const count = input.titles.length;
  const date = dueDateJa(m, input.dueDate);
  return {
    title: input.kind === 'reminder' ? m('pushReminderTitle') : m('pushOverdueTitle'),
    body:
      input.kind === 'reminder'
        ? m('pushReminderBody', { count, date })
        : m('pushOverdueBody', { count, date }),
    url: '/portal/loans',
    tag: `${input.kind}-${input.dueDate}`,
  };
}
