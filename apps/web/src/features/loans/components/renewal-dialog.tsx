import { formatDateJa } from '@library/domain';
import { type KeyboardEvent, useEffect, useId, useRef } from 'react';
import { Table } from '../../../components/ui/table.tsx';
import { loansJa } from '../../../i18n/ja/loans.ts';
import { useT } from '../../../lib/i18n.ts';
import type { Loan } from '../api/get-loans.ts';

interface Props {
  loans: Loan[];
  pending: boolean;
  /** Offline (the connection dropped while the dialog was open) 延長する waits, and says why. */
  online: boolean;
  error?: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * The modal already makes the page behind it inert, but Chromium lets Tab leave for the
 * browser's own toolbar after the last button; wrap round instead so the keyboard stays here.
 */
function keepTabInside(dialog: HTMLDialogElement, event: KeyboardEvent<HTMLDialogElement>) {
  const focusable = [
    ...dialog.querySelectorAll<HTMLElement>('button:not(:disabled), a[href], input, [tabindex="0"]'),
  ];
  const first = focusable[0];
  const last = focusable.at(-1);
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

/**
 * 継続貸出: the confirmation as a native modal <dialog>. showModal() makes the rest of the page
 * inert (focus cannot leave it) and Escape cancels; focus starts on 「延長する」 and, on close,
 * goes back to whatever opened the dialog.
 */
export function RenewalDialog({ loans, pending, online, error, onConfirm, onCancel }: Props) {
  const t = useT(loansJa);
  const ref = useRef<HTMLDialogElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const headingId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    confirmRef.current?.focus();
    return () => {
      if (dialog.open) dialog.close();
      // Only when the opener is still on the page (after a renewal the list makes way for the result).
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="renewal-dialog"
      aria-labelledby={headingId}
      aria-describedby={descriptionId}
      onCancel={(event) => {
        event.preventDefault();
        if (!pending) onCancel();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Tab') keepTabInside(event.currentTarget, event);
      }}
    >
      <h2 id={headingId}>{t('loans.dialogTitle')}</h2>
      <div id={descriptionId}>
        <p className="renewal-dialog-notice">{t('loans.dialogOnce')}</p>
        <p>{t('loans.dialogQuestion')}</p>
      </div>
      <Table
        className="renewal-dialog-table"
        caption={t('loans.dialogCaption')}
        captionClassName="visually-hidden"
        columns={[
          { header: t('portal.loanTitle'), cell: (loan) => loan.title },
          {
            header: t('portal.dueDate'),
            className: 'renewal-dialog-dates',
            labelled: true,
            cell: (loan) => (
              <>
                <span>{formatDateJa(loan.dueDate)}</span>
                <span aria-hidden="true"> → </span>
                <span className="visually-hidden">{t('loans.from')} </span>
                <strong>
                  {loan.renewal.newDueDate ? formatDateJa(loan.renewal.newDueDate) : t('loans.ilsDecides')}
                </strong>
                <span className="visually-hidden">{t('loans.to')}</span>
              </>
            ),
          },
        ]}
        rows={loans}
        rowKey={(loan) => loan.id}
      />
      <div role="alert">
        {!online ? (
          <p className="alert alert-offline">
            {t('loans.offline')}
            {t('loans.offlineInDialog')}
          </p>
        ) : error ? (
          <p className="alert alert-error">{error}</p>
        ) : null}
      </div>
      <div className="actions">
        <button
          ref={confirmRef}
          type="button"
          className="button button-primary"
          // Offline only aria-disabled: the button keeps the focus it was given (a disabled
          // one would drop it to the page behind), and a press does nothing.
          onClick={() => {
            if (online) onConfirm();
          }}
          disabled={pending}
          aria-disabled={pending || !online}
        >
          {pending ? t('loans.confirming') : t('loans.confirm')}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={pending}>
          {t('loans.cancel')}
        </button>
      </div>
    </dialog>
  );
}
