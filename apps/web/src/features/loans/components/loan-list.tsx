import { formatDateJa, type PlainDate, renewalNote } from '@library/domain';
import { useEffect, useMemo, useState } from 'react';
import { BlockNotice } from '../../../components/ui/block-notice.tsx';
import { type Column, overdueRow, Table } from '../../../components/ui/table.tsx';
import { loansJa } from '../../../i18n/ja/loans.ts';
import { ApiClientError } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n.ts';
import { useOnlineStatus } from '../../../lib/online-status.ts';
import { type Loan, useLoans } from '../api/get-loans.ts';
import { newIdempotencyKey, type RenewalResult, useRenewLoans } from '../api/renew-loans.ts';
import { RenewalDialog } from './renewal-dialog.tsx';
import './loans.css';
import { Loading } from '../../../components/ui/loading.tsx';

interface Props {
  page: number;
  onPageChange: (page: number) => void;
  onRenewed: (results: RenewalResult[]) => void;
}

interface Confirmation {
  loans: Loan[];
  idempotencyKey: string;
}

/**
 * 貸出一覧 (docs/product.md §5.4): the loans of one page, a checkbox and a 「貸出延長」 button only on
 * the rows that can be renewed, 注意 saying why the others cannot, 全選択 / 全解除 above and
 * below, 「一括貸出延長」 for the ticked rows.
 */
/**
 * 2021/01/25 in a table cell: never cut inside a number — the page lets any text wrap
 * anywhere so that enlarged text never scrolls sideways, and a narrow column then cut dates
 * as "2021/01/2" over "5". The loans table gives a date the room of one line (loans.css)
 * unless the text is enlarged so far that it cannot: then it breaks after the year.
 */
function TableDate({ date }: { date: PlainDate | null }) {
  const t = useT(loansJa);
  if (date === null) {
    return (
      <span>
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">{t('loans.noRecord')}</span>
      </span>
    );
  }
  const text = formatDateJa(date);
  const cut = text.indexOf('/') + 1;
  // One element: on a phone the cell is a grid (label | value) and each child would be an item.
  return (
    <span>
      <span className="nowrap">{text.slice(0, cut)}</span>
      <wbr />
      <span className="nowrap">{text.slice(cut)}</span>
    </span>
  );
}

export function LoanList({ page, onPageChange, onRenewed }: Props) {
  const t = useT(loansJa);
  const loans = useLoans(page);
  const renew = useRenewLoans();
  // Offline the list is the copy restored from IndexedDB: it can be read, not acted on.
  const online = useOnlineStatus();
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [confirmation, setConfirmation] = useState<Confirmation>();

  // A tick belongs to the page it was made on.
  useEffect(() => setSelected(new Set()), [page]);

  const renewable = useMemo(
    () => (loans.data && !loans.data.blocked ? loans.data.items.filter((l) => l.renewal.eligible) : []),
    [loans.data],
  );

  if (loans.isPending) {
    return <Loading text={t('loans.loading')} />;
  }
  if (loans.isError && loans.data === undefined) {
    const badPage = loans.error instanceof ApiClientError && loans.error.code === 'validation_failed';
    return (
      <div className="alert alert-error" role="alert">
        <p>{badPage ? t('loans.noSuchPage') : loans.error.message}</p>
        <button
          type="button"
          className="button"
          onClick={() => (badPage ? onPageChange(1) : void loans.refetch())}
        >
          {badPage ? t('loans.firstPage') : t('layout.reload')}
        </button>
      </div>
    );
  }

  const data = loans.data;
  const { items, total, totalPages, blocked } = data;
  const selectedLoans = renewable.filter((l) => selected.has(l.id));

  function toggle(id: number, on: boolean) {
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  function confirm(loansToRenew: Loan[]) {
    renew.reset();
    setConfirmation({ loans: loansToRenew, idempotencyKey: newIdempotencyKey() });
  }

  async function handleConfirm() {
    if (!confirmation) return;
    try {
      const answer = await renew.mutateAsync({
        loanIds: confirmation.loans.map((l) => l.id),
        idempotencyKey: confirmation.idempotencyKey,
      });
      setConfirmation(undefined);
      setSelected(new Set());
      onRenewed(answer.results);
    } catch {
      // Shown in the dialog; the same key is kept, so trying again cannot renew twice.
    }
  }

  // Offline the controls go, as for a blocked patron: a checkbox nobody can use would only
  // invite a tap that fails. The 注意 column still says which rows could not be renewed anyway.
  const controls = online && !blocked && renewable.length > 0;

  const toolbar = () =>
    !controls ? null : (
      <div className="loan-toolbar">
        <button
          type="button"
          className="button button-small"
          onClick={() => setSelected(new Set(renewable.map((l) => l.id)))}
        >
          {t('loans.selectAll')}
        </button>
        <button type="button" className="button button-small" onClick={() => setSelected(new Set())}>
          {t('loans.clearAll')}
        </button>
        <button
          type="button"
          className="button button-primary button-small loan-bulk"
          disabled={selectedLoans.length === 0}
          onClick={() => confirm(selectedLoans)}
        >
          {t('loans.renewSelected')}
          {selectedLoans.length > 0 ? (
            <span className="loan-bulk-count">
              {t('loans.selectedCount', { count: selectedLoans.length })}
            </span>
          ) : null}
        </button>
      </div>
    );

  const titleId = (loan: Loan) => `loan-title-${loan.id}`;
  const canRenew = (loan: Loan) => controls && loan.renewal.eligible;
  const columns: Column<Loan>[] = [
    {
      header: t('loans.colNo'),
      headerClassName: 'loan-col-no',
      className: 'loan-no',
      cell: (loan) =>
        canRenew(loan) ? (
          <label className="loan-check">
            <input
              type="checkbox"
              checked={selected.has(loan.id)}
              onChange={(e) => toggle(loan.id, e.currentTarget.checked)}
              aria-describedby={titleId(loan)}
            />
            <span>{loan.no}</span>
            <span className="visually-hidden">{t('loans.select')}</span>
          </label>
        ) : (
          <span>{loan.no}</span>
        ),
    },
    {
      header: t('loans.colLoaned'),
      headerClassName: 'loan-col-date',
      className: 'loan-date',
      cell: (loan) => <TableDate date={loan.loanedOn} />,
    },
    {
      header: t('portal.dueDate'),
      headerClassName: 'loan-col-date',
      className: 'loan-date',
      cell: (loan) => (
        <>
          <TableDate date={loan.dueDate} />
          {loan.overdue ? <span className="badge badge-danger">{t('portal.overdue')}</span> : null}
        </>
      ),
    },
    {
      header: t('loans.colBranch'),
      headerClassName: 'loan-col-branch',
      className: 'loan-branch',
      cell: (loan) => loan.branch.name,
    },
    {
      header: t('portal.loanTitle'),
      headerClassName: 'loan-col-title',
      className: 'loan-title',
      id: titleId,
      cell: (loan) => loan.title,
    },
    { header: t('loans.colType'), headerClassName: 'loan-col-type', cell: (loan) => loan.category },
    {
      header: t('loans.colNote'),
      headerClassName: 'loan-col-note',
      className: 'loan-note',
      cell: (loan) => renewalNote(loan.renewal, loan.overdue, t.lang),
    },
    {
      header: t('loans.renew'),
      headerClassName: 'loan-col-action',
      className: 'loan-action',
      cell: (loan) =>
        canRenew(loan) ? (
          <button
            type="button"
            className="button button-small"
            aria-describedby={titleId(loan)}
            onClick={() => confirm([loan])}
          >
            {t('loans.renew')}
          </button>
        ) : null,
    },
  ];

  return (
    <section className="panel loan-list" aria-labelledby="loan-list-heading">
      {blocked ? <BlockNotice blocked={blocked} message={data.blockMessage} /> : null}
      {loans.isError && online ? (
        // The last answer stays on screen; the server checks every renewal again anyway (R6).
        <div className="alert alert-error loan-refresh-error" role="alert">
          <p>{t('loans.refreshFailed')}</p>
          <button type="button" className="button button-small" onClick={() => void loans.refetch()}>
            {t('layout.reload')}
          </button>
        </div>
      ) : null}
      <h2 id="loan-list-heading">
        {t('loans.listHeading')}
        <span className="loan-list-page">{t('loans.pageOf', { page: data.page, pages: totalPages })}</span>
      </h2>
      <p className="loan-list-count">{t('loans.count', { total })}</p>
      {items.length === 0 ? (
        <p>{t('portal.noLoans')}</p>
      ) : (
        <>
          {!online && !blocked && renewable.length > 0 ? (
            <p className="alert alert-offline loan-offline">{t('loans.offline')}</p>
          ) : null}
          {controls ? <p className="loan-list-help">{t('loans.help')}</p> : null}
          {toolbar()}
          <Table
            className="table loan-table"
            caption={
              <>
                {t('loans.listHeading')}
                {t('loans.pageOf', { page: data.page, pages: totalPages })}
              </>
            }
            captionClassName="visually-hidden"
            columns={columns}
            rows={items}
            rowKey={(loan) => loan.id}
            rowClassName={overdueRow}
            labelCells
          />
          {toolbar()}
        </>
      )}
      {totalPages > 1 ? (
        <nav className="loan-pager" aria-label={t('loans.pager')}>
          <button
            type="button"
            className="button button-small"
            disabled={data.page <= 1}
            onClick={() => onPageChange(data.page - 1)}
          >
            {t('loans.previousPage')}
          </button>
          <span>{t('loans.pagerPosition', { page: data.page, pages: totalPages })}</span>
          <button
            type="button"
            className="button button-small"
            disabled={data.page >= totalPages}
            onClick={() => onPageChange(data.page + 1)}
          >
            {t('loans.nextPage')}
          </button>
        </nav>
      ) : null}
      {confirmation ? (
        <RenewalDialog
          loans={confirmation.loans}
          pending={renew.isPending}
          online={online}
          error={renew.error?.message}
          onConfirm={handleConfirm}
          onCancel={() => setConfirmation(undefined)}
        />
      ) : null}
    </section>
  );
}
