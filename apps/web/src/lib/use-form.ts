import { errorKey } from '@library/domain';
import { type FormEvent, type RefObject, useEffect, useRef, useState } from 'react';
import { ApiClientError } from './api-client.ts';
import { fieldErrorsOf, type Parsed } from './form-data.ts';

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

export interface Form<F extends string> {
  /** Each field's message (a catalog key or a text the server translated). */
  fields: Partial<Record<F, string>>;
  /** The message above the fields (an API error that is not a field's). */
  message?: FormMessage;
  done?: DoneMessage;
  /** Whether the parsed data is being sent (the submit button is disabled meanwhile). */
  sending: boolean;
  /** The form message first, then the fields' in the order of `fieldIds`, each linked to its field. */
  summary: SummaryEntry[];
  summaryRef: RefObject<HTMLDivElement | null>;
  doneRef: RefObject<HTMLDivElement | null>;
  /** The form's submit handler: read, parse, send (see `useForm`). */
  onSubmit(event: FormEvent<HTMLFormElement>): Promise<void>;
  /** What to spread on a field: its id, its name and its error. */
  field(name: F): { id: string; name: F; error?: string };
  /** Shows these errors and, once they are on the page, moves the focus to the summary. */
  show(fields: Partial<Record<string, string>>, message?: FormMessage): void;
  /** Saved: errors go, `done` is shown and focused. */
  succeed(done: DoneMessage): void;
}

export interface FormSubmit<T> {
  /** The submitted fields through the shared domain schema (`schema.safeParse(…)`). */
  parse(data: FormData): Parsed<T> | Promise<Parsed<T>>;
  /** The request with the parsed data; what it throws is shown as the API's error. */
  send(data: T, form: HTMLFormElement): Promise<void>;
}

interface State {
  fields: Partial<Record<string, string>>;
  message?: FormMessage;
  done?: DoneMessage;
  sending?: boolean;
  /** A new object at every show/succeed, so the focus moves again even when the text is the same. */
  focus?: { on: 'summary' | 'done' };
}

/**
 * The one mechanism of the SPA's forms (all but the login's): on submit the fields go through
 * the shared schema; its issues become field errors (each tied to its input by `<Field>`) and
 * the summary above the form (`<FormPanel>`), focused once on the page; valid data is sent as
 * parsed, and a refusal of the BFF shows on its fields (`validation_failed`) or above them.
 * `fieldIds` maps each field the schema or the BFF may name to the id of its input (undefined:
 * none of its own; the summary lists it without a link), in the order of the form.
 */
export function useForm<F extends string, T>(
  fieldIds: Readonly<Record<F, string | undefined>>,
  { parse, send }: FormSubmit<T>,
): Form<F> {
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
  const show = (shown: Partial<Record<string, string>>, message?: FormMessage) =>
    setState({ fields: shown, message, focus: { on: 'summary' } });
  const names = Object.keys(fieldIds) as F[];
  return {
    fields,
    message: state.message,
    done: state.done,
    sending: state.sending === true,
    summary: [
      ...(state.message ? [{ message: state.message.message }] : []),
      ...names
        .filter((name) => fields[name])
        .map((name) => ({ fieldId: fieldIds[name], message: fields[name]! })),
    ],
    summaryRef,
    doneRef,
    async onSubmit(event) {
      event.preventDefault();
      const element = event.currentTarget;
      const parsed = await parse(new FormData(element));
      if (!parsed.success) return show(fieldErrorsOf(parsed.error));
      // On its way: old errors go, the focus stays where it is.
      setState((previous) => ({ fields: {}, done: previous.done, focus: previous.focus, sending: true }));
      try {
        await send(parsed.data, element);
      } catch (error) {
        if (!(error instanceof ApiClientError)) show({}, { message: errorKey('internal_error') });
        else if (error.code === 'validation_failed') show(error.fields);
        else show({}, { message: error.message, code: error.code });
      } finally {
        setState((previous) => ({ ...previous, sending: false }));
      }
    },
    field: (name) => ({ id: fieldIds[name] ?? name, name, error: fields[name] }),
    show,
    succeed: (done) => setState({ fields: {}, done, focus: { on: 'done' } }),
  };
}
