import { formatDateJa, renewalReasonMessage } from '@library/domain';
import { useEffect, useRef } from 'react';
import { Table } from '../../../components/ui/table.tsx';
import { loansJa } from '../../../i18n/ja/loans.ts';
import { useT } from '../../../lib/i18n.ts';
import type { RenewalResult } from '../api/renew-loans.ts';

/** The answer of a renewal (docs/product.md §5.6): what was renewed to when, what was not and why. */
export function RenewalResultView({ results, onBack }: { results: RenewalResult[]; onBack: () => void }) {
  const t = useT(loansJa);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const renewed = results.filter((r) => r.ok);
  const refused = results.filter((r) => !r.ok);
  return (
    <section className="panel renewal-result" aria-labelledby="renewal-result-heading">
      <h2 id="renewal-result-heading" ref={headingRef} tabIndex={-1}>
        {renewed.length > 0 ? t('loans.renewed') : t('loans.notRenewed')}
      </h2>
      {renewed.length > 0 ? (
        <div className="alert alert-success">
          <p>{t('loans.renewedCount', { count: renewed.length })}</p>
        </div>
      ) : null}
      {renewed.length > 0 ? (
        <Table
          className="table renewal-result-table"
          caption={t('loans.renewedCaption')}
          columns={[
            { header: t('portal.loanTitle'), cell: (r) => r.title },
            {
              header: t('loans.newDueDate'),
              cell: (r) => (
                <>
                  <strong>{formatDateJa(r.newDueDate)}</strong>
                  <span className="renewal-previous">
                    {t('loans.previousDueDate', { date: formatDateJa(r.previousDueDate) })}
                  </span>
                </>
              ),
            },
          ]}
          rows={renewed}
          rowKey={(r) => r.loanId}
        />
      ) : null}
      {refused.length > 0 ? (
        <div className="renewal-refused">
          <h3>{t('loans.refusedHeading')}</h3>
          <ul>
            {refused.map((r) => (
              <li key={r.loanId}>
                <span className="renewal-refused-title">
                  {r.title ?? t('loans.unknownItem', { id: r.loanId })}
                </span>
                <span className="renewal-refused-reason">
                  {renewalReasonMessage(r.reason, r.availableFrom, r.message, t.lang)}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="actions">
        <button type="button" className="button button-primary" onClick={onBack}>
          {t('loans.back')}
        </button>
      </div>
    </section>
  );
}
