import type { PatronBlock } from '@library/domain';
import { loansJa } from '../../i18n/ja/loans.ts';
import { useT } from '../../lib/i18n.ts';

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
  const t = useT(loansJa);
  return (
    <div className="alert alert-error" role="alert">
      {t(`renewalReason.${blocked}`)}
      {advice && blocked === 'patron_has_overdue' ? (
        <>
          <br />
          {t('loans.blockedHelp')}
        </>
      ) : null}
      {message ? (
        <>
          <br />
          <span className="block-notice-ils">{t('loans.ilsNotice', { message })}</span>
        </>
      ) : null}
    </div>
  );
}
