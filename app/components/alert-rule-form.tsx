'use client';

import Link from 'next/link';
import { useState } from 'react';
import type { FormState } from '@/lib/http/form-state';
import { AlertField } from './alert-field';
import { AlertForm, useFieldError } from './alert-form';

/** A rule as its form shows it (a new rule's defaults, or a saved rule's definition). */
export type AlertRuleFormValues = {
  name: string;
  scope: 'function' | 'pattern' | 'tag' | 'all';
  functionId: number | null;
  pattern: string;
  tagKey: string;
  /** Empty: any value of the tag. */
  tagValue: string;
  signal: string;
  comparison: string;
  threshold: number;
  windowMinutes: number;
  forMinutes: number;
  severity: string;
  repeatMinutes: number;
  runbookUrl: string;
  description: string;
  channelIds: number[];
};

export type AlertSignalOption = { value: string; label: string; unit: string };

type Props = {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  submitLabel: string;
  /** Prefixes the controls' ids, so two forms could share a page. */
  idPrefix: string;
  /** Editing this rule; absent for a new one (then the form empties itself once saved). */
  ruleId?: number;
  initial: AlertRuleFormValues;
  functions: ReadonlyArray<{ id: number; label: string }>;
  channels: ReadonlyArray<{ id: number; name: string; kind: string }>;
  signals: readonly AlertSignalOption[];
  comparisons: readonly string[];
};

const unitHints: Record<string, string> = {
  '%': 'A percentage: 5 means 5 %.',
  ms: 'Milliseconds.',
  'USD/h': 'US dollars per hour.',
  count: 'A count over the window.',
};

const scopes = [
  { value: 'function', label: 'One function' },
  { value: 'pattern', label: 'Functions whose name matches a pattern' },
  { value: 'tag', label: 'Functions with a tag' },
  { value: 'all', label: 'All functions' },
] as const;

/** Every field of a rule (alertRuleInputSchema): what it watches, when it breaches, how it notifies. */
export function AlertRuleForm({ action, submitLabel, idPrefix, ruleId, initial, functions, channels, signals, comparisons }: Props) {
  const [scope, setScope] = useState<string>(initial.scope);
  const [signal, setSignal] = useState(initial.signal);
  const id = (name: string) => `${idPrefix}-${name}`;
  const unit = signals.find((option) => option.value === signal)?.unit ?? '';
  return (
    <AlertForm
      action={action}
      submitLabel={submitLabel}
      resetOnDone={ruleId === undefined}
      onReset={() => {
        setScope(initial.scope);
        setSignal(initial.signal);
      }}
    >
      {ruleId === undefined ? null : <input type="hidden" name="ruleId" value={ruleId} />}
      <AlertField id={id('name')} name="name" label="Name">
        {(control) => <input {...control} required maxLength={200} defaultValue={initial.name} placeholder="orders-api error rate" />}
      </AlertField>

      <fieldset className="form-section">
        <legend>What it watches</legend>
        <div className="form-grid">
          <AlertField id={id('scope')} name="scope" label="Scope">
            {(control) => (
              <select {...control} defaultValue={initial.scope} onChange={(event) => setScope(event.target.value)}>
                {scopes.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            )}
          </AlertField>
          {scope === 'function' ? (
            <AlertField id={id('function')} name="functionId" label="Function" hint={functions.length === 0 ? 'No functions yet: add a source first.' : undefined}>
              {(control) => (
                <select {...control} required defaultValue={initial.functionId ?? ''}>
                  <option value="" disabled>
                    Choose a function
                  </option>
                  {functions.map((fn) => (
                    <option key={fn.id} value={fn.id}>
                      {fn.label}
                    </option>
                  ))}
                </select>
              )}
            </AlertField>
          ) : null}
          {scope === 'pattern' ? (
            <AlertField id={id('pattern')} name="pattern" label="Name pattern" hint={<>* matches any run of characters, ? one; case-sensitive, e.g. orders-*.</>}>
              {(control) => <input {...control} required maxLength={200} defaultValue={initial.pattern} placeholder="orders-*" className="mono" />}
            </AlertField>
          ) : null}
          {scope === 'tag' ? (
            <>
              <AlertField id={id('tag-key')} name="tagKey" label="Tag key" hint="As set on the Lambda function (case-sensitive).">
                {(control) => <input {...control} required maxLength={128} defaultValue={initial.tagKey} placeholder="team" className="mono" />}
              </AlertField>
              <AlertField id={id('tag-value')} name="tagValue" label="Tag value (optional)" hint="Empty: any value of the tag.">
                {(control) => <input {...control} maxLength={256} defaultValue={initial.tagValue} placeholder="payments" className="mono" />}
              </AlertField>
            </>
          ) : null}
          {scope === 'all' ? <p className="hint">Every function, including those discovered later.</p> : null}
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>When it breaches</legend>
        <div className="form-grid">
          <AlertField id={id('signal')} name="signal" label="Signal">
            {(control) => (
              <select {...control} defaultValue={initial.signal} onChange={(event) => setSignal(event.target.value)}>
                {signals.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label} ({option.unit})
                  </option>
                ))}
              </select>
            )}
          </AlertField>
          <AlertField id={id('comparison')} name="comparison" label="Comparison">
            {(control) => (
              <select {...control} defaultValue={initial.comparison}>
                {comparisons.map((comparison) => (
                  <option key={comparison}>{comparison}</option>
                ))}
              </select>
            )}
          </AlertField>
          <AlertField id={id('threshold')} name="threshold" label={`Threshold (${unit})`} hint={unitHints[unit]}>
            {(control) => <input {...control} type="number" step="any" required defaultValue={initial.threshold} />}
          </AlertField>
          <AlertField id={id('window')} name="windowMinutes" label="Window (minutes)" hint="The signal is computed over this many minutes.">
            {(control) => <input {...control} type="number" min={1} max={1440} step={1} required defaultValue={initial.windowMinutes} />}
          </AlertField>
          <AlertField id={id('for')} name="forMinutes" label="For (minutes)" hint="How long it must breach before firing; 0 fires at once.">
            {(control) => <input {...control} type="number" min={0} max={1440} step={1} required defaultValue={initial.forMinutes} />}
          </AlertField>
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>How it notifies</legend>
        <div className="form-grid">
          <AlertField id={id('severity')} name="severity" label="Severity">
            {(control) => (
              <select {...control} defaultValue={initial.severity}>
                <option value="info">info</option>
                <option value="warning">warning</option>
                <option value="critical">critical</option>
              </select>
            )}
          </AlertField>
          <AlertField id={id('repeat')} name="repeatMinutes" label="Repeat every (minutes)" hint="While it fires unacknowledged; 5 to 10,080.">
            {(control) => <input {...control} type="number" min={5} max={10080} step={1} required defaultValue={initial.repeatMinutes} />}
          </AlertField>
        </div>
        <ChannelChoice idPrefix={idPrefix} channels={channels} checked={initial.channelIds} />
        <AlertField id={id('runbook')} name="runbookUrl" label="Runbook URL (optional)">
          {(control) => <input {...control} type="url" maxLength={2000} defaultValue={initial.runbookUrl} placeholder="https://wiki.example.com/runbooks/orders-api" />}
        </AlertField>
        <AlertField id={id('description')} name="description" label="Description (optional)" hint="Sent with every notification.">
          {(control) => <textarea {...control} rows={3} maxLength={2000} defaultValue={initial.description} />}
        </AlertField>
      </fieldset>
    </AlertForm>
  );
}

function ChannelChoice({ idPrefix, channels, checked }: { idPrefix: string; channels: Props['channels']; checked: readonly number[] }) {
  const error = useFieldError('channelIds');
  return (
    <fieldset className="field choice-group" aria-describedby={error ? error.id : undefined}>
      <legend>Channels</legend>
      {channels.length === 0 ? (
        <p className="hint">
          No channels yet: <Link href="/alerts/channels">add one</Link>. Without channels, the rule’s alerts only show on the alerts page.
        </p>
      ) : (
        channels.map((channel) => (
          <label key={channel.id} className="choice" htmlFor={`${idPrefix}-channel-${channel.id}`}>
            <input id={`${idPrefix}-channel-${channel.id}`} type="checkbox" name="channelIds" value={channel.id} defaultChecked={checked.includes(channel.id)} />
            {channel.name} <span className="muted">({channel.kind})</span>
          </label>
        ))
      )}
      {error ? (
        <p className="field-error" id={error.id}>
          Channels: {error.message}
        </p>
      ) : null}
    </fieldset>
  );
}
