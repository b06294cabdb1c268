import { formatDateJa } from '@library/domain';
import type { Me } from '@library/domain/api';
import { commonJa } from '../../../i18n/ja/common.ts';
import { useT } from '../../../lib/i18n.ts';

/** What a row of 貸出状況 shows (GET /api/me's `loans` has this shape; the portal page passes them). */
export type LoanSummaryRow = Me['loans'][number];

/** 貸出状況: No / タイトル / 返却期限日, overdue rows marked in text as well as colour. */
export function LoanSummary({ loans }: { loans: readonly LoanSummaryRow[] }) {
  const t = useT(commonJa);
  if (loans.length === 0) return <p>{t('portal.noLoans')}</p>;
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">{t('portal.loanStatus')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('portal.no')}</th>
            <th scope="col">{t('portal.loanTitle')}</th>
            <th scope="col">{t('portal.dueDate')}</th>
          </tr>
        </thead>
        <tbody>
          {loans.map((loan) => (
            <tr key={loan.no} className={loan.overdue ? 'row-overdue' : undefined}>
              <td>{loan.no}</td>
              <td>{loan.title}</td>
              <td>
                {formatDateJa(loan.dueDate)}
                {loan.overdue ? <span className="badge badge-danger">{t('portal.overdue')}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
