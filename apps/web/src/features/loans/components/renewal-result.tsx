import { formatDateJa, renewalReasonMessage } from '@library/domain';
import { useEffect, useRef } from 'react';
import type { RenewalResult } from '../api/renew-loans.ts';

/** The answer of a renewal (docs/product.md §5.6): what was renewed to when, what was not and why. */
export function RenewalResultView({ results, onBack }: { results: RenewalResult[]; onBack: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const renewed = results.filter((r) => r.ok);
  const refused = results.filter((r) => !r.ok);
  return (
    <section className="panel renewal-result" aria-labelledby="renewal-result-heading">
      <h2 id="renewal-result-heading" ref={headingRef} tabIndex={-1}>
        {renewed.length > 0 ? '貸出延長を行いました' : '貸出延長できませんでした'}
      </h2>
      {renewed.length > 0 ? (
        <div className="alert alert-success">
          <p>{renewed.length}点の資料の貸出を延長しました。新しい返却期限日をご確認ください。</p>
        </div>
      ) : null}
      {renewed.length > 0 ? (
        <table className="table renewal-result-table">
          <caption>延長した資料</caption>
          <thead>
            <tr>
              <th scope="col">タイトル</th>
              <th scope="col">新しい返却期限日</th>
            </tr>
          </thead>
          <tbody>
            {renewed.map((r) => (
              <tr key={r.loanId}>
                <td>{r.title}</td>
                <td>
                  <strong>{formatDateJa(r.newDueDate)}</strong>
                  <span className="renewal-previous">（延長前 {formatDateJa(r.previousDueDate)}）</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {refused.length > 0 ? (
        <div className="renewal-refused">
          <h3>延長できなかった資料</h3>
          <ul>
            {refused.map((r) => (
              <li key={r.loanId}>
                <span className="renewal-refused-title">{r.title ?? `資料（番号 ${r.loanId}）`}</span>
                <span className="renewal-refused-reason">
                  {renewalReasonMessage(r.reason, r.availableFrom, r.message)}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="actions">
        <button type="button" className="button button-primary" onClick={onBack}>
          前に戻る
        </button>
      </div>
    </section>
  );
}
