'use client';

import { useState } from 'react';
import type { FormState } from '@/lib/http/form-state';
import { AlertField } from './alert-field';
import { AlertForm, useFieldError } from './alert-form';

type Choice = { id: number; label: string };

const durations = [
  { value: '1', label: '1 hour' },
  { value: '4', label: '4 hours' },
  { value: '24', label: '24 hours' },
  { value: 'custom', label: 'Until a time' },
] as const;

type Props = {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  rules: readonly Choice[];
  functions: readonly Choice[];
};

/** A new silence: a rule and/or a function (neither: every alert), how long, and why. */
export function AlertSilenceForm({ action, rules, functions }: Props) {
  const [duration, setDuration] = useState<string>('1');
  return (
    <AlertForm action={action} submitLabel="Add silence" resetOnDone onReset={() => setDuration('1')}>
      <div className="form-grid">
        <AlertField id="silence-rule" name="ruleId" label="Rule (optional)">
          {(control) => (
            <select {...control} defaultValue="">
              <option value="">Any rule</option>
              {rules.map((rule) => (
                <option key={rule.id} value={rule.id}>
                  {rule.label}
                </option>
              ))}
            </select>
          )}
        </AlertField>
        <AlertField id="silence-function" name="functionId" label="Function (optional)">
          {(control) => (
            <select {...control} defaultValue="">
              <option value="">Any function</option>
              {functions.map((fn) => (
                <option key={fn.id} value={fn.id}>
                  {fn.label}
                </option>
              ))}
            </select>
          )}
        </AlertField>
      </div>
      <DurationChoice onChange={setDuration} />
      <AlertField id="silence-ends-at" name="endsAt" label="Ends at (UTC)" hint="Used when the silence lasts until a time.">
        {(control) => <input {...control} type="datetime-local" disabled={duration !== 'custom'} required={duration === 'custom'} />}
      </AlertField>
      <AlertField id="silence-reason" name="reason" label="Reason">
        {(control) => <input {...control} required maxLength={500} placeholder="deploying orders-api; known noisy" />}
      </AlertField>
      <p className="hint">With neither a rule nor a function, the silence covers every alert. Silenced alerts still change state and show here; they notify no one.</p>
    </AlertForm>
  );
}

function DurationChoice({ onChange }: { onChange: (value: string) => void }) {
  const error = useFieldError('duration');
  return (
    <fieldset className="field choice-group" aria-describedby={error ? error.id : undefined}>
      <legend>Duration</legend>
      {durations.map((option) => (
        <label key={option.value} className="choice">
          <input type="radio" name="duration" value={option.value} defaultChecked={option.value === '1'} onChange={() => onChange(option.value)} />
          {option.label}
        </label>
      ))}
      {error ? (
        <p className="field-error" id={error.id}>
          Duration: {error.message}
        </p>
      ) : null}
    </fieldset>
  );
}
