import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { AlertHistoryTable } from '@/app/components/alert-history-table';
import { AlertSilenceForm } from '@/app/components/alert-silence-form';
import { AutoRefresh } from '@/app/components/auto-refresh';
import { DataTable } from '@/app/components/data-table';
import { formatAgo, formatTime } from '@/app/components/format';
import { listAlertRules, listAlerts } from '@/lib/alerts/list-alerting';
import { alertStateNames } from '@/lib/alerts/step-alert-state';
import { canChange } from '@/lib/auth/can-change';
import { requirePageViewer } from '@/lib/auth/require-page-viewer';
import { getWebPrisma } from '@/lib/db/get-web-prisma';
import { idParamSchema } from '@/lib/http/id-param-schema';
import { ActiveAlertsTable } from './active-alerts-table';
import { createSilenceAction } from './actions';
import { AlertsNav } from './alerts-nav';

export const metadata: Metadata = { title: 'Alerts' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The history's filters, from the URL (`?ruleId=&functionId=&toState=`), so a filtered view can be shared. */
const historyFilterSchema = z.object({ ruleId: idParamSchema.optional(), functionId: idParamSchema.optional(), toState: z.enum(alertStateNames).optional() });

const HISTORY_LIMIT = 100;

/** What is firing and pending now, the silences in force (and adding one), and the history of state changes. */
export default async function AlertsPage({ searchParams }: Props) {
  const viewer = await requirePageViewer();
  const query = Object.fromEntries(Object.entries(await searchParams).flatMap(([name, value]) => (typeof value === 'string' && value !== '' ? [[name, value]] : [])));
  const parsedFilters = historyFilterSchema.safeParse(query);
  const filters = parsedFilters.success ? parsedFilters.data : {};
  const filtered = Object.values(filters).some((value) => value !== undefined);
  const prisma = await getWebPrisma();
  const now = new Date();
  const [alerts, rules, functions, filteredHistory] = await Promise.all([
    listAlerts(prisma, { now, historyLimit: filtered ? 0 : HISTORY_LIMIT }),
    listAlertRules(prisma),
    prisma.lambdaFunction.findMany({ where: { deletedAt: null }, orderBy: { name: 'asc' }, select: { id: true, name: true, source: { select: { name: true } } } }),
    filtered
      ? prisma.alertEvent.findMany({
          where: { ruleId: filters.ruleId, functionId: filters.functionId, toState: filters.toState },
          orderBy: { id: 'desc' },
          take: HISTORY_LIMIT,
          include: { rule: { select: { name: true } }, function: { select: { name: true } } },
        })
      : null,
  ]);
  const history = filteredHistory ?? alerts.history;
  const ruleById = new Map(rules.map((rule) => [rule.id, rule]));
  const functionById = new Map(functions.map((fn) => [fn.id, fn]));
  const editable = canChange(viewer.role, 'alerts');
  return (
    <div className="stack">
      <AutoRefresh seconds={30} />
      <div className="page-header">
        <div>
          <h1>Alerts</h1>
          <p className="subtitle">What is firing and pending now, the silences in force, and every state change. Refreshes every 30 s.</p>
        </div>
        <AlertsNav current="/alerts" />
      </div>

      <section className="card" aria-labelledby="firing-heading">
        <h2 id="firing-heading">
          Firing now <span className={`badge ${alerts.firing.length > 0 ? 'badge-bad' : ''}`}>{alerts.firing.length}</span>
        </h2>
        {alerts.firing.length === 0 ? (
          <div className="empty">
            <strong>Nothing is firing.</strong>
            {rules.length === 0 ? (
              <>
                No rule watches your functions yet: <Link href="/alerts/rules">add one</Link>.
              </>
            ) : (
              `${rules.length} ${rules.length === 1 ? 'rule watches' : 'rules watch'} your functions.`
            )}
          </div>
        ) : (
          <ActiveAlertsTable alerts={alerts.firing} now={now} acknowledgements={{ editable }} />
        )}
      </section>

      <section className="card" aria-labelledby="pending-heading">
        <h2 id="pending-heading">
          Pending <span className={`badge ${alerts.pending.length > 0 ? 'badge-warn' : ''}`}>{alerts.pending.length}</span>
        </h2>
        <p className="hint">The condition holds; the alert fires once it has held for the rule’s “for” duration.</p>
        {alerts.pending.length === 0 ? (
          <div className="empty">
            <strong>Nothing is pending.</strong>No rule’s condition holds right now.
          </div>
        ) : (
          <ActiveAlertsTable alerts={alerts.pending} now={now} />
        )}
      </section>

      <section className="card" aria-labelledby="silences-heading">
        <h2 id="silences-heading">Silences in force or scheduled</h2>
        {alerts.silences.length === 0 ? (
          <div className="empty">
            <strong>No silences.</strong>Every alert notifies its rule’s channels.
          </div>
        ) : (
          <DataTable columns={['Scope', 'Reason', 'From', 'Until', 'By']}>
            {alerts.silences.map((silence) => {
              const rule = silence.ruleId === null ? undefined : ruleById.get(silence.ruleId);
              const fn = silence.functionId === null ? undefined : functionById.get(silence.functionId);
              return (
                <tr key={silence.id}>
                  <td>
                    {silence.ruleId === null && silence.functionId === null ? 'every alert' : null}
                    {silence.ruleId === null ? null : (
                      <>
                        rule <Link href={`/alerts/rules/${silence.ruleId}`}>{rule?.name ?? `#${silence.ruleId}`}</Link>
                      </>
                    )}
                    {silence.ruleId !== null && silence.functionId !== null ? ' on ' : null}
                    {silence.functionId === null ? null : (
                      <>
                        function <Link href={`/functions/${silence.functionId}`}>{fn?.name ?? `#${silence.functionId}`}</Link>
                      </>
                    )}
                  </td>
                  <td>{silence.reason}</td>
                  <td>{silence.startsAt > now ? formatTime(silence.startsAt) : <span title={formatTime(silence.startsAt)}>{formatAgo(silence.startsAt, now.getTime())}</span>}</td>
                  <td>{formatTime(silence.endsAt)}</td>
                  <td>{silence.createdBy}</td>
                </tr>
              );
            })}
          </DataTable>
        )}
        <h3 id="add-silence-heading" className="subheading">
          Add a silence
        </h3>
        {editable ? (
          <AlertSilenceForm
            action={createSilenceAction}
            rules={rules.map((rule) => ({ id: rule.id, label: rule.name }))}
            functions={functions.map((fn) => ({ id: fn.id, label: `${fn.name} (${fn.source.name})` }))}
          />
        ) : (
          <p className="hint">Your role ({viewer.role}) can read silences but not add them.</p>
        )}
      </section>

      <section className="card" aria-labelledby="history-heading">
        <h2 id="history-heading">History</h2>
        <form method="get" action="/alerts" className="toolbar" aria-label="Filter the history">
          <label htmlFor="history-rule">Rule</label>
          <select id="history-rule" name="ruleId" defaultValue={filters.ruleId ?? ''}>
            <option value="">any</option>
            {rules.map((rule) => (
              <option key={rule.id} value={rule.id}>
                {rule.name}
              </option>
            ))}
          </select>
          <label htmlFor="history-function">Function</label>
          <select id="history-function" name="functionId" defaultValue={filters.functionId ?? ''}>
            <option value="">any</option>
            {functions.map((fn) => (
              <option key={fn.id} value={fn.id}>
                {fn.name} ({fn.source.name})
              </option>
            ))}
          </select>
          <label htmlFor="history-to-state">Became</label>
          <select id="history-to-state" name="toState" defaultValue={filters.toState ?? ''}>
            <option value="">any state</option>
            {alertStateNames.map((state) => (
              <option key={state}>{state}</option>
            ))}
          </select>
          <button type="submit">Filter</button>
          {filtered ? <Link href="/alerts">Clear filters</Link> : null}
        </form>
        {parsedFilters.success ? null : (
          <p className="notice notice-error" role="alert">
            {parsedFilters.error.issues[0]?.path.join('.') ?? 'filter'}: {parsedFilters.error.issues[0]?.message ?? 'is invalid'} (ignored)
          </p>
        )}
        {history.length === 0 ? (
          <div className="empty">
            <strong>{filtered ? 'No state change matches these filters.' : 'No state changes yet.'}</strong>
            {filtered ? 'Try another rule, function or state.' : 'Each time an alert goes pending, fires or resolves, it is recorded here.'}
          </div>
        ) : (
          <>
            <p className="hint">
              {history.length === HISTORY_LIMIT ? `The latest ${HISTORY_LIMIT} changes` : `${history.length} ${history.length === 1 ? 'change' : 'changes'}`}
              {filtered ? ' matching the filters' : ''}, newest first. Times are the end of the window judged.
            </p>
            <AlertHistoryTable events={history} signalOf={(ruleId) => ruleById.get(ruleId)?.signal ?? ''} />
          </>
        )}
      </section>
    </div>
  );
}
