import { forwardRef, type ReactNode } from 'react';
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
  function ErrorSummary({ title = '入力内容を確認してください。', errors }, ref) {
    return (
      <div role="alert" aria-live="assertive">
        {errors.length > 0 ? (
          <div className="alert alert-error error-summary" tabIndex={-1} ref={ref}>
            <p className="error-summary-title">{title}</p>
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
                      {error.message}
                    </a>
                  ) : (
                    error.message
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
