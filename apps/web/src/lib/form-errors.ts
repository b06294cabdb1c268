import { errorKey } from '@library/domain';
import { type RefObject, useEffect, useRef, useState } from 'react';
import { ApiClientError } from './api-client.ts';
import { fieldErrorsOf, type IssueList, type Parsed } from './form-data.ts';

/** A message above the form (not a field's); `code` is the API's error code, when it came from one. */
export interface FormMessage {
  message: string;
  code?: string;
}

/** A text to show after a successful submit: a catalog key and its parameters. */
export interface DoneMessage {
  key: string;
  params?: Record<string, string | number>;
}

export interface SummaryEntry {
  fieldId?: string;
  message: string;
}

export interface FormErrors<F extends string> {
  /** Each field's message (a catalog key or a text the server translated). */
  fields: Partial<Record<F, string>>;
  form?: FormMessage;
  done?: DoneMessage;
  /** The form message first, then the fields' in the order of `fieldIds`, each linked to its field. */
  summary: SummaryEntry[];
  summaryRef: RefObject<HTMLDivElement | null>;
  doneRef: RefObject<HTMLDivElement | null>;
  /** What to spread on a field: its id, its name and its error. */
  field(name: F): { id: string; name: F; error?: string };
  /** Shows these errors and, once they are on the page, moves the focus to the summary. */
  show(fields: Partial<Record<string, string>>, form?: FormMessage): void;
  /** The answer of a failed `safeParse`. */
  showIssues(error: IssueList): void;
  /** A failed request: the fields the BFF refused, or its message above the form. */
  showApiError(error: unknown): void;
  /**
   * A submit: the schema's errors when it refused the input; else old errors go (the focus
   * stays where it is) and `send` gets the parsed data, its failure shown as the API's.
   */
  submit<T>(parsed: Parsed<T>, send: (data: T) => Promise<void>): Promise<void>;
  /** Saved: errors go, `done` is shown and focused. */
  succeed(done: DoneMessage): void;
}

interface State {
  fields: Partial<Record<string, string>>;
  form?: FormMessage;
  done?: DoneMessage;
  /** A new object at every show/succeed, so the focus moves again even when the text is the same. */
  focus?: { on: 'summary' | 'done' };
}

/**
 * The one error mechanism of the SPA's forms: field errors (each tied to its input by
 * `<Field>`), the summary above the form (`<FormPanel>`/`<ErrorSummary>`) and the API's
 * errors. `fieldIds` maps each field the schema or the BFF may name to the id of its input
 * (undefined: no input of its own; the summary lists it without a link).
 */
export function useFormErrors<F extends string>(
  fieldIds: Readonly<Record<F, string | undefined>>,
): FormErrors<F> {
  const [state, setState] = useState<State>({ fields: {} });
  const summaryRef = useRef<HTMLDivElement>(null);
  const doneRef = useRef<HTMLDivElement>(null);

  // Once the message is on the page (an effect runs after the commit; a requestAnimationFrame
  // could run before it): the submit button was disabled while waiting, which dropped the focus
  // to the document, so give it to the message.
  useEffect(() => {
    if (state.focus) (state.focus.on === 'done' ? doneRef : summaryRef).current?.focus();
  }, [state.focus]);

  const fields = state.fields as Partial<Record<F, string>>;
  const show = (shown: Partial<Record<string, string>>, form?: FormMessage) =>
    setState({ fields: shown, form, focus: { on: 'summary' } });
  const showIssues = (error: IssueList) => show(fieldErrorsOf(error));
  const showApiError = (error: unknown) => {
    if (!(error instanceof ApiClientError)) show({}, { message: errorKey('internal_error') });
    else if (error.code === 'validation_failed') show(error.fields);
    else show({}, { message: error.message, code: error.code });
  };
  const names = Object.keys(fieldIds) as F[];
  return {
    fields,
    form: state.form,
    done: state.done,
    summary: [
      ...(state.form ? [{ message: state.form.message }] : []),
      ...names
        .filter((name) => fields[name])
        .map((name) => ({ fieldId: fieldIds[name], message: fields[name]! })),
    ],
    summaryRef,
    doneRef,
    field: (name) => ({ id: fieldIds[name] ?? name, name, error: fields[name] }),
    show,
    showIssues,
    showApiError,
    async submit(parsed, send) {
      if (!parsed.success) return showIssues(parsed.error);
      setState((previous) => ({ fields: {}, done: previous.done, focus: previous.focus }));
      try {
        await send(parsed.data);
      } catch (error) {
        showApiError(error);
      }
    },
    succeed: (done) => setState({ fields: {}, done, focus: { on: 'done' } }),
  };
}
