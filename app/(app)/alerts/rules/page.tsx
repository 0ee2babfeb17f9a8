import type { Metadata } from 'next';
import { ruleFormOptions } from './rule-form-options';
import Link from 'next/link';
import { AlertRuleForm, type AlertRuleFormValues } from '@/app/components/alert-rule-form';
import { AlertRuleScope } from '@/app/components/alert-rule-scope';
import { AlertSeverityBadge } from '@/app/components/alert-severity-badge';
import { alertConditionText } from '@/app/components/alert-value';
import { DataTable } from '@/app/components/data-table';
import { formatTime } from '@/app/components/format';
import { listAlertChannels, listAlertRules } from '@/lib/alerts/list-alerting';
import { canChange } from '@/lib/auth/can-change';
import { requirePageViewer } from '@/lib/auth/require-page-viewer';
import { getWebPrisma } from '@/lib/db/get-web-prisma';
import { AlertsNav } from '../alerts-nav';
import { saveRuleAction } from './actions';

export const metadata: Metadata = { title: 'Alert rules' };

const newRule: AlertRuleFormValues = {
  name: '',
  scope: 'function',
  functionId: null,
  pattern: '',
  tagKey: '',
  tagValue: '',
  signal: 'error_rate',
  comparison: '>',
  threshold: 5,
  windowMinutes: 5,
  forMinutes: 0,
  severity: 'warning',
  repeatMinutes: 240,
  runbookUrl: '',
  description: '',
  channelIds: [],
};

/** Every rule (what it watches, when it breaches, where it notifies, how many of its alerts are up) and a new one. */
export default async function AlertRulesPage() {
  const viewer = await requirePageViewer();
  const prisma = await getWebPrisma();
  const [rules, channels, functions] = await Promise.all([
    listAlertRules(prisma),
    listAlertChannels(prisma),
    prisma.lambdaFunction.findMany({ where: { deletedAt: null }, orderBy: { name: 'asc' }, select: { id: true, name: true, source: { select: { name: true } } } }),
  ]);
  const channelName = new Map(channels.map((channel) => [channel.id, channel.name]));
  const functionName = new Map(functions.map((fn) => [fn.id, fn.name]));
  const now = new Date();
  return (
    <div className="stack">
      <div className="page-header">
        <div>
          <h1>Alert rules</h1>
          <p className="subtitle">Each rule judges a Lambda signal over a sliding window, for each function in its scope, after every ingest cycle.</p>
        </div>
        <AlertsNav current="/alerts/rules" />
      </div>
      <section className="card" aria-labelledby="rules-heading">
        <h2 id="rules-heading">Rules</h2>
        {rules.length === 0 ? (
          <div className="empty">
            <strong>No rules yet.</strong>
            {canChange(viewer.role, 'alerts') ? 'Add one below: an error rate above 5 % over 5 minutes is a good start.' : 'An editor or admin can add one.'}
          </div>
        ) : (
          <DataTable columns={['Name', 'Scope', 'Condition', 'Window', 'For', 'Severity', 'Channels', { label: 'Firing', numeric: true }, { label: 'Pending', numeric: true }, 'Muted until']}>
            {rules.map((rule) => (
              <tr key={rule.id}>
                <td>
                  <Link href={`/alerts/rules/${rule.id}`}>{rule.name}</Link>
                </td>
                <td>
                  <AlertRuleScope rule={rule} functionName={rule.functionId === null ? null : (functionName.get(rule.functionId) ?? null)} />
                </td>
                <td>{alertConditionText(rule)}</td>
                <td>{rule.windowMinutes} min</td>
                <td>{rule.forMinutes === 0 ? 'at once' : `${rule.forMinutes} min`}</td>
                <td>
                  <AlertSeverityBadge severity={rule.severity} />
                </td>
                <td>{rule.channelIds.length === 0 ? <span className="muted">none</span> : rule.channelIds.map((id) => channelName.get(id) ?? `#${id}`).join(', ')}</td>
                <td className="num">{rule.firing > 0 ? <span className="badge badge-bad">{rule.firing}</span> : 0}</td>
                <td className="num">{rule.pending > 0 ? <span className="badge badge-warn">{rule.pending}</span> : 0}</td>
                <td>{rule.mutedUntil && rule.mutedUntil > now ? formatTime(rule.mutedUntil) : <span className="muted">–</span>}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
      {canChange(viewer.role, 'alerts') ? (
        <section className="card" aria-labelledby="new-rule-heading">
          <h2 id="new-rule-heading">New rule</h2>
          <AlertRuleForm
            action={saveRuleAction}
            submitLabel="Create rule"
            idPrefix="new-rule"
            initial={newRule}
            {...ruleFormOptions(functions, channels)}
          />
        </section>
      ) : (
        <p className="hint">Your role ({viewer.role}) can read rules but not change them.</p>
      )}
    </div>
  );
}
