import { formatDateJa } from '@library/domain';
import { type KeyboardEvent, useEffect, useId, useRef } from 'react';
import type { Loan } from '../api/get-loans.ts';

/** Shown instead of the renewal controls while the browser is offline (docs/product.md §8 PWA). */
export const OFFLINE_RENEWAL_MESSAGE = 'オフラインのため、貸出延長はできません。';

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
      <h2 id={headingId}>継続貸出</h2>
      <div id={descriptionId}>
        <p className="renewal-dialog-notice">借りている資料で一回のみ貸出延長が行えます。</p>
        <p>貸出延長を行いますか？</p>
      </div>
      <table className="renewal-dialog-table">
        <caption className="visually-hidden">延長する資料</caption>
        <thead>
          <tr>
            <th scope="col">タイトル</th>
            <th scope="col">返却期限日</th>
          </tr>
        </thead>
        <tbody>
          {loans.map((loan) => (
            <tr key={loan.id}>
              <td>{loan.title}</td>
              <td className="renewal-dialog-dates">
                <span>{formatDateJa(loan.dueDate)}</span>
                <span aria-hidden="true"> → </span>
                <span className="visually-hidden">から</span>
                <strong>
                  {loan.renewal.newDueDate ? formatDateJa(loan.renewal.newDueDate) : '図書館システムが決定'}
                </strong>
                <span className="visually-hidden">に延長</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div role="alert">
        {!online ? (
          <p className="alert alert-offline">
            {OFFLINE_RENEWAL_MESSAGE}通信が戻ってから「延長する」を押してください。
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
          {pending ? '延長しています…' : '延長する'}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={pending}>
          キャンセル
        </button>
      </div>
    </dialog>
  );
}
