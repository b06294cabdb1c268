import { type PatronBlock, renewalReasonMessages } from '@library/domain';

/**
 * The banner of a patron who can renew nothing (R5, or the ILS denying renewals), with the
 * circulation system's own words when it gave any (SIP2 AF), and what to do about it.
 */
export function BlockNotice({
  blocked,
  message,
  advice = true,
}: {
  blocked: NonNullable<PatronBlock>;
  message?: string | undefined;
  /** Also say how to lift an overdue block (貸出一覧; the portal keeps to the one sentence). */
  advice?: boolean;
}) {
  return (
    <div className="alert alert-error" role="alert">
      {renewalReasonMessages[blocked]}
      {advice && blocked === 'patron_has_overdue' ? (
        <>
          <br />
          返却期限日を過ぎた資料を返却していただくと、貸出延長ができるようになります。
        </>
      ) : null}
      {message ? (
        <>
          <br />
          <span className="block-notice-ils">図書館からのお知らせ：{message}</span>
        </>
      ) : null}
    </div>
  );
}
