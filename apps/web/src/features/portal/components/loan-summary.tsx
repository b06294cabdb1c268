import { formatDateJa, type PlainDate } from '@library/domain';

/** What a row of 貸出状況 shows (GET /api/me's `loans` has this shape; the portal page passes them). */
export interface LoanSummaryRow {
  no: number;
  title: string;
  dueDate: PlainDate;
  overdue: boolean;
}

/** 貸出状況: No / タイトル / 返却期限日, overdue rows marked in text as well as colour. */
export function LoanSummary({ loans }: { loans: readonly LoanSummaryRow[] }) {
  if (loans.length === 0) return <p>現在借りている資料はありません。</p>;
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">貸出状況</caption>
        <thead>
          <tr>
            <th scope="col">No</th>
            <th scope="col">タイトル</th>
            <th scope="col">返却期限日</th>
          </tr>
        </thead>
        <tbody>
          {loans.map((loan) => (
            <tr key={loan.no} className={loan.overdue ? 'row-overdue' : undefined}>
              <td>{loan.no}</td>
              <td>{loan.title}</td>
              <td>
                {formatDateJa(loan.dueDate)}
                {loan.overdue ? <span className="badge badge-danger">延滞</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
