'use client';

import type { ReactNode } from 'react';
import { useFieldError } from './alert-form';

export type AlertControlProps = { id: string; name: string; 'aria-invalid'?: true; 'aria-describedby'?: string };

type AlertFieldProps = {
  /** The control's id (its label points at it). */
  id: string;
  /** The form field's name: the input's path in the action's input (`settings.url`), which errors name too. */
  name: string;
  label: string;
  hint?: ReactNode;
  /** Renders the control with the props that tie it to its label, hint and error. */
  children: (control: AlertControlProps) => ReactNode;
};

/** One labelled field of an AlertForm: the control, a hint, and the server's error for it, if any. */
export function AlertField({ id, name, label, hint, children }: AlertFieldProps) {
  const error = useFieldError(name);
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, error ? error.id : null].filter((part) => part !== null).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, name, ...(error ? { 'aria-invalid': true as const } : {}), ...(describedBy ? { 'aria-describedby': describedBy } : {}) })}
      {hint ? (
        <p className="hint field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={error.id}>
          {label}: {error.message}
        </p>
      ) : null}
    </div>
  );
}
