import type { InputHTMLAttributes, ReactNode } from 'react';
import { describedBy, FieldError } from './field.tsx';

interface CheckboxProps extends InputHTMLAttributes<HTMLInputElement> {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  /** Ids of other notes that describe it (shown by the caller, e.g. as `children`). */
  describedByAlso?: string | false;
  /** Shown between the hint and the error. */
  children?: ReactNode;
}

/** A checkbox with its label, and its hint and error tied to it (`${id}-hint`, `${id}-error`). */
export function Checkbox({ id, label, hint, error, describedByAlso, children, ...input }: CheckboxProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <>
      <label className="checkbox">
        <input
          type="checkbox"
          id={id}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(describedByAlso, hint && hintId, error && errorId)}
          {...input}
        />
        {label}
      </label>
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {children}
      <FieldError id={errorId} error={error} />
    </>
  );
}
