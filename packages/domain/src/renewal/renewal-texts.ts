import type { RenewalReason } from './renewal-reasons.ts';

/** The 注意 column of 貸出一覧 (SPEC §3). */
export const renewalNoteLabels = {
  patron_has_overdue: '延滞中',
  interlibrary_loan: '他館資料',
  already_renewed: '延長済',
  reserved: '予約あり',
  availableFrom: '{{date}}以降に延長できます',
  notRenewable: '延長不可',
} as const;

/** What patrons read (SPEC §3); `not_extended` names the date from which renewing helps. */
export const renewalReasonMessages = {
  patron_has_overdue: '返却期限日を過ぎた資料があるため、貸出延長の手続きができません。',
  interlibrary_loan: '他館から取り寄せた資料のため、延長できません。',
  already_renewed: 'この資料はすでに一度延長しています。',
  reserved: '予約が入っているため、延長できません。',
  not_extended: '今延長しても返却期限日が延びません。{{date}}以降に延長できます。',
  // Without the date the sentence would promise one it cannot name: only its first part.
  not_extended_undated: '今延長しても返却期限日が延びません。',
  not_found: 'この資料は現在の貸出中一覧にありません。',
  renewal_denied:
    '現在、この利用者カードでは貸出延長の手続きができません。図書館カウンターにお問い合わせください。',
  ils_refused: '図書館システムが貸出延長を受け付けませんでした。',
  ils_unavailable:
    '図書館システムから延長の結果を受け取れなかったため、延長されていません。しばらくしてから貸出一覧でご確認ください。',
} as const satisfies Record<RenewalReason | 'not_extended_undated', string>;
