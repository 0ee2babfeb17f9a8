'use client';

import { createContext, startTransition, useActionState, useContext, useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { idleFormState, type FormState } from '@/lib/http/form-state';

type FieldError = { field: string; message: string; id: string };

const FieldErrorContext = createContext<FieldError | null>(null);

type AlertFormProps = {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  submitLabel: string;
  children?: ReactNode;
  tone?: 'primary' | 'plain' | 'danger';
  className?: string;
  /** Empty the fields once the action succeeds (forms that create something). */
  resetOnDone?: boolean;
  /** Called when the form is reset, so a form's own state (the fields it shows) can follow. */
  onReset?: () => void;
};

/**
 * ActionForm's look and feedback for the longer alerting forms, with two differences: what was typed
 * stays after an error (React resets a form bound through `action` whatever the answer), and the
 * error is also shown beside the field it names (see AlertField), which gets the focus.
 */
export function AlertForm({ action, submitLabel, children, tone = 'primary', className, resetOnDone = false, onReset }: AlertFormProps) {
  const [state, dispatch, pending] = useActionState(action, idleFormState);
  const form = useRef<HTMLFormElement>(null);
  const errorId = useId();
  useEffect(() => {
    const element = form.current;
    if (!element) return;
    if (state.status === 'error' && state.field) findControl(element, state.field)?.focus();
    if (state.status === 'done' && resetOnDone) element.reset();
  }, [state, resetOnDone]);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  };
  const fieldError = state.status === 'error' && state.field ? { field: state.field, message: withoutFieldPrefix(state.message, state.field), id: `${errorId}field` } : null;
  const buttonClass = tone === 'primary' ? 'btn-primary' : tone === 'danger' ? 'btn-danger' : undefined;
  return (
    <form ref={form} onSubmit={submit} onReset={onReset} className={className}>
      <FieldErrorContext.Provider value={fieldError}>{children}</FieldErrorContext.Provider>
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? 'Working…' : submitLabel}
      </button>
      {state.status === 'error' ? (
        <p className="notice notice-error" role="alert">
          {state.message}
        </p>
      ) : null}
      {state.status === 'done' ? (
        <p className="notice notice-ok" role="status">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}

/** The error the last answer gave for `name` or one of its parts (`settings.to.1` for `settings.to`), or null. */
export function useFieldError(name: string): { message: string; id: string } | null {
  const error = useContext(FieldErrorContext);
  if (!error || (error.field !== name && !error.field.startsWith(`${name}.`))) return null;
  return error;
}

/** The form control a field path names, or the nearest one: `settings.to.1` is the `settings.to` input. */
function findControl(form: HTMLFormElement, field: string): HTMLElement | null {
  const parts = field.split('.');
  for (let length = parts.length; length > 0; length -= 1) {
    const item = form.elements.namedItem(parts.slice(0, length).join('.'));
    if (item instanceof RadioNodeList) {
      const first = item[0];
      if (first instanceof HTMLElement) return first;
    } else if (item instanceof HTMLElement) {
      return item;
    }
  }
  return null;
}

/** "settings.url: must be a URL" beside the URL field reads "must be a URL"; "settings.to.1: …" reads "entry 2: …". */
function withoutFieldPrefix(message: string, field: string): string {
  const separator = message.indexOf(': ');
  if (separator <= 0 || message.slice(0, separator) !== field) return message;
  const index = /\.(\d+)$/.exec(field)?.[1];
  return `${index === undefined ? '' : `entry ${Number(index) + 1}: `}${message.slice(separator + 2)}`;
}
