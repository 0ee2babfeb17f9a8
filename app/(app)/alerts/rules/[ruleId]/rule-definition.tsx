import { ActionForm } from '@/app/components/action-form';
import { AlertRuleScope } from '@/app/components/alert-rule-scope';
import { alertConditionText } from '@/app/components/alert-value';
import { formatAgo, formatTime } from '@/app/components/format';
import type { AlertRule } from '@/lib/db/generated/client';
import { muteRuleAction } from '../actions';

type Props = {
  rule: Pick<
    AlertRule,
    | 'id' | 'scope' | 'functionId' | 'pattern' | 'tagKey' | 'tagValue' | 'signal' | 'comparison' | 'threshold' | 'windowMinutes' | 'forMinutes'
    | 'repeatMinutes' | 'runbookUrl' | 'description' | 'mutedUntil' | 'evaluatedUntil' | 'updatedAt'
  > & { function: { name: string } | null };
  channels: ReadonlyArray<{ name: string; kind: string }>;
  /** How many functions the scope covers now (pattern, tag and all scopes). */
  functionsInScope: number;
  /** Editors and admins get the mute buttons. */
  editable: boolean;
  now: Date;
};

/** A rule's definition in words, and (editors) muting it for an hour or a day, or unmuting it. */
export function RuleDefinition({ rule, channels, functionsInScope, editable, now }: Props) {
  const muted = rule.mutedUntil !== null && rule.mutedUntil > now;
  return (
    <section className="card" aria-labelledby="definition-heading">
      <h2 id="definition-heading">Definition</h2>
      <dl className="kv">
        <dt>Condition</dt>
        <dd>
          {alertConditionText(rule)} over {rule.windowMinutes} min
        </dd>
        <dt>For</dt>
        <dd>{rule.forMinutes === 0 ? 'fires at once' : `${rule.forMinutes} min`}</dd>
        <dt>Scope</dt>
        <dd>
          <AlertRuleScope rule={rule} functionName={rule.function?.name ?? null} />
          {rule.scope === 'function' ? null : ` (${functionsInScope} now)`}
        </dd>
        <dt>Repeats</dt>
        <dd>every {rule.repeatMinutes} min while firing, unless acknowledged</dd>
        <dt>Channels</dt>
        <dd>{channels.length === 0 ? <span className="muted">none: its alerts only show on the alerts page</span> : channels.map((channel) => `${channel.name} (${channel.kind})`).join(', ')}</dd>
        <dt>Runbook</dt>
        <dd>{rule.runbookUrl ? <a href={rule.runbookUrl}>{rule.runbookUrl}</a> : <span className="muted">none</span>}</dd>
        {rule.description ? (
          <>
            <dt>Description</dt>
            <dd>{rule.description}</dd>
          </>
        ) : null}
        <dt>Muted</dt>
        <dd>{muted ? `until ${formatTime(rule.mutedUntil)}` : 'no'}</dd>
        <dt>Judged until</dt>
        <dd>{rule.evaluatedUntil ? formatTime(rule.evaluatedUntil) : 'not yet judged'}</dd>
        <dt>Updated</dt>
        <dd title={formatTime(rule.updatedAt)}>{formatAgo(rule.updatedAt, now.getTime())}</dd>
      </dl>
      {editable ? (
        <div className="toolbar" style={{ marginTop: '1rem' }} role="group" aria-label="Mute this rule">
          <ActionForm action={muteRuleAction} submitLabel="Mute for 1 h" tone="plain">
            <input type="hidden" name="ruleId" value={rule.id} />
            <input type="hidden" name="hours" value="1" />
          </ActionForm>
          <ActionForm action={muteRuleAction} submitLabel="Mute for 24 h" tone="plain">
            <input type="hidden" name="ruleId" value={rule.id} />
            <input type="hidden" name="hours" value="24" />
          </ActionForm>
          {muted ? (
            <ActionForm action={muteRuleAction} submitLabel="Unmute" tone="plain">
              <input type="hidden" name="ruleId" value={rule.id} />
              <input type="hidden" name="hours" value="off" />
            </ActionForm>
          ) : null}
        </div>
      ) : null}
      <p className="hint">A muted rule is still judged and its alerts still change state; it notifies no one.</p>
    </section>
  );
}
