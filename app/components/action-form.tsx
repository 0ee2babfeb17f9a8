'use client';

import { useActionState, useState, type ReactNode } from 'react';
import { idleFormState, type FormState } from '@/lib/http/form-state';

type ActionFormProps = {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  submitLabel: string;
  children?: ReactNode;
  /** 'danger' for revoking and disabling; 'plain' for row buttons. */
  tone?: 'primary' | 'plain' | 'danger';
  className?: string;
};

/**
 * A form bound to a server action: shows it working, its error, or its result (and a secret to copy,
 * shown this once). Server actions check the role themselves; this only displays what they say.
 */
export function ActionForm({ action, submitLabel, children, tone = 'primary', className }: ActionFormProps) {
  const [state, formAction, pending] = useActionState(action, idleFormState);
  const buttonClass = tone === 'primary' ? 'btn-primary' : tone === 'danger' ? 'btn-danger' : undefined;
  return (
    <form action={formAction} className={className}>
      {children}
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? 'Working…' : submitLabel}
      </button>
      {state.status === 'error' ? (
        <p className="notice notice-error" role="alert">
          {state.message}
        </p>
      ) : null}
      {state.status === 'done' ? (
        <div className="notice notice-ok" role="status">
          <p>{state.message}</p>
          {state.secret ? <SecretField label={state.secretLabel ?? 'Secret'} value={state.secret} /> : null}
        </div>
      ) : null}
    </form>
  );
}

function SecretField({ label, value }: { label: string; value: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="toolbar">
      <input readOnly aria-label={label} className="mono" value={value} size={Math.min(value.length, 60)} onFocus={(event) => event.currentTarget.select()} />
      <button
        type="button"
        onClick={() => {
          navigator.clipboard.writeText(value).then(
            () => setCopied(true),
            () => setCopied(false),
          );
        }}
      >
        {copied ? 'Copied' : 'Copy'}
      </button>
    </div>
  );
}
