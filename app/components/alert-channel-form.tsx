'use client';

import { useState } from 'react';
import type { FormState } from '@/lib/http/form-state';
import { AlertField } from './alert-field';
import { AlertForm } from './alert-form';

const kinds = [
  { value: 'slack', label: 'Slack (incoming webhook)' },
  { value: 'webhook', label: 'Webhook (signed JSON POST)' },
  { value: 'email', label: 'Email (SMTP)' },
] as const;

/**
 * A new channel: its kind decides the fields (a URL for Slack and webhooks, a signing secret for
 * webhooks, an SMTP server and addresses for email). Field names are the input's paths, so an error
 * about `settings.url` (an SSRF refusal, say) lands beside the URL field.
 */
export function AlertChannelForm({ action }: { action: (state: FormState, form: FormData) => Promise<FormState> }) {
  const [kind, setKind] = useState<string>('slack');
  return (
    <AlertForm action={action} submitLabel="Add channel" resetOnDone onReset={() => setKind('slack')}>
      <div className="form-grid">
        <AlertField id="channel-kind" name="kind" label="Kind">
          {(control) => (
            <select {...control} defaultValue="slack" onChange={(event) => setKind(event.target.value)}>
              {kinds.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          )}
        </AlertField>
        <AlertField id="channel-name" name="name" label="Name">
          {(control) => <input {...control} required maxLength={100} placeholder="#oncall" />}
        </AlertField>
      </div>
      {kind === 'email' ? (
        <>
          <div className="form-grid">
            <AlertField id="channel-host" name="settings.host" label="SMTP host">
              {(control) => <input {...control} required maxLength={253} placeholder="smtp.example.com" />}
            </AlertField>
            <AlertField id="channel-port" name="settings.port" label="Port" hint="587 when empty.">
              {(control) => <input {...control} type="number" min={1} max={65535} step={1} placeholder="587" />}
            </AlertField>
            <AlertField id="channel-username" name="settings.username" label="Username (optional)">
              {(control) => <input {...control} maxLength={320} autoComplete="off" />}
            </AlertField>
            <AlertField id="channel-password" name="secret" label="Password (optional)" hint="Stored encrypted; never shown again.">
              {(control) => <input {...control} type="password" maxLength={1000} autoComplete="new-password" />}
            </AlertField>
            <AlertField id="channel-from" name="settings.from" label="From">
              {(control) => <input {...control} type="email" required maxLength={320} placeholder="alerts@example.com" />}
            </AlertField>
            <AlertField id="channel-to" name="settings.to" label="To" hint="Comma-separated addresses, up to 50.">
              {(control) => <input {...control} required placeholder="oncall@example.com, team@example.com" />}
            </AlertField>
          </div>
          <div className="field">
            <label className="choice" htmlFor="channel-secure">
              <input id="channel-secure" name="settings.secure" type="checkbox" />
              Implicit TLS (usually port 465); otherwise STARTTLS when the server offers it
            </label>
          </div>
        </>
      ) : (
        <div className="form-grid">
          <AlertField id="channel-url" name="settings.url" label={kind === 'slack' ? 'Slack webhook URL' : 'Webhook URL'} hint="Private, loopback and cloud metadata addresses are refused unless an admin allowed the host.">
            {(control) => <input {...control} type="url" required maxLength={2000} placeholder={kind === 'slack' ? 'https://hooks.slack.com/services/…' : 'https://example.com/hooks/lambdascope'} />}
          </AlertField>
          {kind === 'webhook' ? (
            <AlertField id="channel-secret" name="secret" label="Signing secret (optional)" hint="At least 16 characters; each request is signed with it (HMAC-SHA256). Stored encrypted; never shown again.">
              {(control) => <input {...control} type="password" minLength={16} maxLength={1000} autoComplete="new-password" />}
            </AlertField>
          ) : null}
        </div>
      )}
    </AlertForm>
  );
}
