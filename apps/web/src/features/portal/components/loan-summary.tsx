import { formatDateJa, type PlainDate } from '@library/domain';
import { overdueRow, Table } from '../../../components/ui/table.tsx';
import { commonJa } from '../../../i18n/ja/common.ts';
import { useT } from '../../../lib/i18n.ts';

/** What a row of 貸出状況 shows (GET /api/me's `loans` has this shape; the portal page passes them). */
export interface LoanSummaryRow {
  no: number;
  title: string;
  dueDate: PlainDate;
  overdue: boolean;
}

/** 貸出状況: No / タイトル / 返却期限日, overdue rows marked in text as well as colour. */
export function LoanSummary({ loans }: { loans: readonly LoanSummaryRow[] }) {
  const t = useT(commonJa);
  if (loans.length === 0) return <p>{t('portal.noLoans')}</p>;
  return (
    <div className="table-scroll">
      <Table
        className="table"
        caption={t('portal.loanStatus')}
        captionClassName="visually-hidden"
        columns={[
          { header: t('portal.no'), cell: (loan) => loan.no },
          { header: t('portal.loanTitle'), cell: (loan) => loan.title },
          {
            header: t('portal.dueDate'),
            cell: (loan) => (
              <>
                {formatDateJa(loan.dueDate)}
                {loan.overdue ? <span className="badge badge-danger">{t('portal.overdue')}</span> : null}
              </>
            ),
          },
        ]}
        rows={loans}
        rowKey={(loan) => loan.no}
        rowClassName={overdueRow}
      />
    </div>
  );
}
