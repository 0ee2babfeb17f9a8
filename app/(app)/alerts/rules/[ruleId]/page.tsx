import type { Metadata } from 'next';
import { ruleFormOptions } from '../rule-form-options';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AlertHistoryTable } from '@/app/components/alert-history-table';
import { AlertRuleForm } from '@/app/components/alert-rule-form';
import { AlertRulePreview } from '@/app/components/alert-rule-preview';
import { AlertRuleScope } from '@/app/components/alert-rule-scope';
import { AlertSeverityBadge } from '@/app/components/alert-severity-badge';
import { AlertSignalChart } from '@/app/components/alert-signal-chart';
import { AlertStateBadge } from '@/app/components/alert-state-badge';
import { AlertValue, alertConditionText } from '@/app/components/alert-value';
import { DataTable } from '@/app/components/data-table';
import { formatAgo, formatTime } from '@/app/components/format';
import { alertRuleInputSchema } from '@/lib/alerts/alert-rule-input';
import { listAlertChannels } from '@/lib/alerts/list-alerting';
import { previewAlertRule, type RulePreview } from '@/lib/alerts/preview-alert-rule';
import { functionsInScope, ruleScopeOf } from '@/lib/alerts/rule-scope';
import { canChange } from '@/lib/auth/can-change';
import { requirePageViewer } from '@/lib/auth/require-page-viewer';
import { getWebPrisma } from '@/lib/db/get-web-prisma';
import { NotFoundError } from '@/lib/errors';
import { idParamSchema } from '@/lib/http/id-param-schema';
import { AlertsNav } from '../../alerts-nav';
import { saveRuleAction } from '../actions';
import { RuleDefinition } from './rule-definition';
import { formValuesOf, inputOf } from './rule-form-values';

type Props = { params: Promise<{ ruleId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const HISTORY_LIMIT = 50;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = idParamSchema.safeParse((await params).ruleId);
  if (!id.success) return { title: 'Alert rule' };
  const rule = await (await getWebPrisma()).alertRule.findUnique({ where: { id: id.data }, select: { name: true } });
  return { title: rule?.name ?? 'Alert rule' };
}

/** One rule: its definition and muting, its alerts now, its signal over 24 h and what it would have done, its history, and editing it. */
export default async function AlertRulePage({ params, searchParams }: Props) {
  const viewer = await requirePageViewer();
  const id = idParamSchema.safeParse((await params).ruleId);
  if (!id.success) notFound();
  const requestedFunction = (await searchParams).functionId;
  const prisma = await getWebPrisma();
  const [rule, channels, functions, events] = await Promise.all([
    prisma.alertRule.findUnique({
      where: { id: id.data },
      include: {
        channels: { select: { channelId: true } },
        function: { select: { id: true, name: true } },
        states: { where: { state: { in: ['pending', 'firing'] } }, orderBy: { since: 'desc' }, include: { function: { select: { name: true } } } },
      },
    }),
    listAlertChannels(prisma),
    prisma.lambdaFunction.findMany({ where: { deletedAt: null }, orderBy: { name: 'asc' }, select: { id: true, name: true, tags: true, source: { select: { name: true } } } }),
    prisma.alertEvent.findMany({ where: { ruleId: id.data }, orderBy: { id: 'desc' }, take: HISTORY_LIMIT, include: { function: { select: { name: true } } } }),
  ]);
  if (!rule) notFound();
  const now = new Date();
  const values = formValuesOf(rule);
  const editable = canChange(viewer.role, 'alerts');
  const muted = rule.mutedUntil !== null && rule.mutedUntil > now;
  const ruleChannels = channels.filter((channel) => values.channelIds.includes(channel.id));

  // The function drawn: the rule's own; else the one in ?functionId= if in scope; else one it alerts on now; else the first in scope.
  const inScope = rule.scope === 'function' ? [] : functionsInScope(ruleScopeOf(rule), functions.map((fn) => ({ ...fn, tags: stringTags(fn.tags) })));
  const asked = idParamSchema.safeParse(requestedFunction);
  const askedId = asked.success && inScope.some((fn) => fn.id === asked.data) ? asked.data : null;
  const drawnId = rule.scope === 'function' ? rule.functionId : (askedId ?? rule.states.find((state) => inScope.some((fn) => fn.id === state.functionId))?.functionId ?? inScope[0]?.id ?? null);
  const drawnName = rule.scope === 'function' ? (rule.function?.name ?? null) : (inScope.find((fn) => fn.id === drawnId)?.name ?? null);
  const input = alertRuleInputSchema.safeParse(inputOf(values));
  let preview: RulePreview | null = null;
  if (input.success && drawnId !== null) {
    try {
      preview = await previewAlertRule(prisma, input.data, { functionId: drawnId, now, hours: 24 });
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
  }

  return (
    <div className="stack">
      <div className="page-header">
        <div>
          <p className="subtitle">
            <Link href="/alerts/rules">Alert rules</Link> /
          </p>
          <h1>
            {rule.name} <AlertSeverityBadge severity={rule.severity} /> {muted ? <span className="badge">muted</span> : null}
          </h1>
          <p className="subtitle">
            {alertConditionText(rule)} over {rule.windowMinutes} min{rule.forMinutes > 0 ? ` for ${rule.forMinutes} min` : ''}, on <AlertRuleScope rule={rule} functionName={rule.function?.name ?? null} />
          </p>
        </div>
        <AlertsNav current="/alerts/rules" />
      </div>

      <div className="grid">
        <RuleDefinition rule={rule} channels={ruleChannels} functionsInScope={inScope.length} editable={editable} now={now} />
        <section className="card" aria-labelledby="now-heading">
          <h2 id="now-heading">Its alerts now</h2>
          {rule.states.length === 0 ? (
            <div className="empty">
              <strong>Nothing is firing or pending.</strong>
              {rule.evaluatedUntil ? `Judged up to ${formatTime(rule.evaluatedUntil)}.` : 'The worker has not judged it yet.'}
            </div>
          ) : (
            <DataTable columns={['Function', 'State', { label: 'Value', numeric: true }, 'Since']}>
              {rule.states.map((state) => (
                <tr key={state.functionId}>
                  <td>
                    <Link href={`/functions/${state.functionId}`}>{state.function.name}</Link>
                  </td>
                  <td>
                    <AlertStateBadge state={state.state} /> {state.acknowledgedAt ? <span className="badge">acknowledged</span> : null}
                  </td>
                  <td className="num">
                    <AlertValue signal={rule.signal} value={state.lastValue} />
                  </td>
                  <td title={formatTime(state.since)}>{formatAgo(state.since, now.getTime())}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </section>
      </div>

      {rule.scope === 'function' ? null : (
        <form method="get" action={`/alerts/rules/${rule.id}`} className="toolbar" aria-label="Function to draw and test on">
          <label htmlFor="drawn-function">Draw and test on</label>
          <select id="drawn-function" name="functionId" defaultValue={drawnId ?? ''} disabled={inScope.length === 0}>
            {inScope.length === 0 ? <option value="">no function in scope</option> : null}
            {inScope.map((fn) => (
              <option key={fn.id} value={fn.id}>
                {fn.name} ({fn.source.name})
              </option>
            ))}
          </select>
          <button type="submit" disabled={inScope.length === 0}>
            Show
          </button>
          {typeof requestedFunction === 'string' && requestedFunction !== '' && askedId === null ? (
            <span className="error-text" role="alert">
              functionId: not a function in this rule’s scope; showing another.
            </span>
          ) : null}
        </form>
      )}

      {preview && drawnName !== null ? (
        <>
          <AlertSignalChart preview={preview} rule={rule} functionName={drawnName} />
          <section className="card" aria-labelledby="test-heading">
            <h2 id="test-heading">Test this rule</h2>
            <AlertRulePreview preview={preview} signal={rule.signal} functionName={drawnName} channelCount={ruleChannels.length} />
          </section>
        </>
      ) : (
        <section className="card" aria-labelledby="test-heading">
          <h2 id="test-heading">Signal and test</h2>
          <div className="empty">
            <strong>Nothing to draw.</strong>
            {!input.success
              ? `Its stored definition does not pass validation (${input.error.issues[0]?.path.join('.') ?? 'input'}: ${input.error.issues[0]?.message ?? 'is invalid'}); save it again below.`
              : drawnId === null
                ? 'No function is in this rule’s scope yet.'
                : 'Its function no longer exists.'}
          </div>
        </section>
      )}

      <section className="card" aria-labelledby="rule-history-heading">
        <h2 id="rule-history-heading">History</h2>
        {events.length === 0 ? (
          <div className="empty">
            <strong>No state changes yet.</strong>Each time one of its alerts goes pending, fires or resolves, it is recorded here.
          </div>
        ) : (
          <>
            <p className="hint">
              {events.length === HISTORY_LIMIT ? `The latest ${HISTORY_LIMIT} changes, newest first; ` : 'Newest first; '}
              <Link href={`/alerts?ruleId=${rule.id}`}>filter the full history</Link>.
            </p>
            <AlertHistoryTable events={events.map((event) => ({ ...event, rule: { name: rule.name } }))} signalOf={() => rule.signal} showRule={false} />
          </>
        )}
      </section>

      {editable ? (
        <section className="card" aria-labelledby="edit-heading">
          <h2 id="edit-heading">Edit</h2>
          <AlertRuleForm
            action={saveRuleAction}
            submitLabel="Save rule"
            idPrefix="edit-rule"
            ruleId={rule.id}
            initial={values}
            {...ruleFormOptions(functions, channels)}
          />
        </section>
      ) : (
        <p className="hint">Your role ({viewer.role}) can read rules but not change them.</p>
      )}
    </div>
  );
}

/** A function's stored tags (JSON) as the string map rule scopes read; anything else is ignored. */
function stringTags(tags: unknown): Record<string, string> {
  if (typeof tags !== 'object' || tags === null || Array.isArray(tags)) return {};
  return Object.fromEntries(Object.entries(tags).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}
