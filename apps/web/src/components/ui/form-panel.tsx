import type { ReactNode } from 'react';
import { useT } from '../../lib/i18n.ts';
import type { Form } from '../../lib/use-form.ts';
import { ErrorSummary } from './error-summary.tsx';
import { Panel } from './panel.tsx';

interface FormPanelProps {
  /** The id of the heading: it names the panel and the form. */
  id: string;
  heading: string;
  /** What stands between the heading and the form. */
  intro?: ReactNode;
  /** From `useForm`: its errors, its messages and its submit handler. */
  form: Form<string>;
  /** The summary's title when a message of the form (not only of fields) is in it. */
  failedTitle?: string;
  /** A live region for `form.done` (forms that stay on the page after a save). */
  withStatus?: boolean;
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
  form,
  failedTitle,
  withStatus,
  submit,
  submitting,
  children,
}: FormPanelProps) {
  const t = useT();
  return (
    <Panel id={id} heading={heading}>
      {intro}
      {withStatus ? (
        <div role="status">
          {form.done ? (
            <div className="alert alert-success" tabIndex={-1} ref={form.doneRef}>
              {t(form.done.key, form.done.params)}
            </div>
          ) : null}
        </div>
      ) : null}
      <form className="form" noValidate onSubmit={form.onSubmit} aria-labelledby={id}>
        <ErrorSummary
          ref={form.summaryRef}
          title={form.message ? failedTitle : undefined}
          errors={form.summary}
        />
        {children}
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={form.sending}>
            {form.sending ? submitting : submit}
          </button>
        </div>
      </form>
    </Panel>
  );
}
