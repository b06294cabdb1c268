import type { FormEvent, ReactNode } from 'react';
import type { FormErrors } from '../../lib/form-errors.ts';
import { useT } from '../../lib/i18n.ts';
import { ErrorSummary } from './error-summary.tsx';

interface FormPanelProps {
  /** The id of the heading: it names the panel and the form. */
  id: string;
  heading: string;
  /** What stands between the heading and the form. */
  intro?: ReactNode;
  /** From `useFormErrors`. */
  errors: FormErrors<string>;
  /** The summary's title when a message of the form (not only of fields) is in it. */
  failedTitle?: string;
  /** A live region for `errors.done` (forms that stay on the page after a save). */
  withStatus?: boolean;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  pending: boolean;
  submit: string;
  submitting: string;
  children: ReactNode;
}

/**
 * A form in its panel, as every form of the SPA but the login's: heading, the error summary
 * (focused after a failed submit), the fields, the submit button (disabled and relabelled while
 * the request runs) and, for forms that stay on the page, the success message (focused too).
 */
export function FormPanel({
  id,
  heading,
  intro,
  errors,
  failedTitle,
  withStatus,
  onSubmit,
  pending,
  submit,
  submitting,
  children,
}: FormPanelProps) {
  const t = useT();
  return (
    <section className="panel panel-narrow" aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {intro}
      {withStatus ? (
        <div role="status">
          {errors.done ? (
            <div className="alert alert-success" tabIndex={-1} ref={errors.doneRef}>
              {t(errors.done.key, errors.done.params)}
            </div>
          ) : null}
        </div>
      ) : null}
      <form className="form" noValidate onSubmit={onSubmit} aria-labelledby={id}>
        <ErrorSummary
          ref={errors.summaryRef}
          title={errors.form ? failedTitle : undefined}
          errors={errors.summary}
        />
        {children}
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={pending}>
            {pending ? submitting : submit}
          </button>
        </div>
      </form>
    </section>
  );
}
