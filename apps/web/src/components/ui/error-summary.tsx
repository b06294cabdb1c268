import { forwardRef, type ReactNode } from 'react';
import { commonJa } from '../../i18n/ja/common.ts';
import { useT } from '../../lib/i18n.ts';
import './error-summary.css';

export interface SummaryError {
  /** The id of the field the message belongs to, so the link moves focus there. */
  fieldId?: string;
  message: ReactNode;
}

/**
 * The list of what is wrong, above a form (GOV.UK pattern): announced as an alert, focused by
 * the form after a failed submit, each entry a link to its field.
 */
export const ErrorSummary = forwardRef<HTMLDivElement, { title?: string; errors: SummaryError[] }>(
  function ErrorSummary({ title, errors }, ref) {
    // Messages may be catalog keys (the shared schemas' issues): shown in the language on screen.
    const t = useT(commonJa);
    const text = (message: ReactNode) => (typeof message === 'string' ? t(message) : message);
    return (
      <div role="alert" aria-live="assertive">
        {errors.length > 0 ? (
          <div className="alert alert-error error-summary" tabIndex={-1} ref={ref}>
            <p className="error-summary-title">{title ?? t('layout.errorSummary')}</p>
            <ul>
              {errors.map((error, index) => (
                <li key={index}>
                  {error.fieldId ? (
                    <a
                      href={`#${error.fieldId}`}
                      onClick={(event) => {
                        event.preventDefault();
                        document.getElementById(error.fieldId!)?.focus();
                      }}
                    >
                      {text(error.message)}
                    </a>
                  ) : (
                    text(error.message)
                  )}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    );
  },
);
