import Link from 'next/link';
import { ActionForm } from '@/app/components/action-form';
import { AlertSeverityBadge } from '@/app/components/alert-severity-badge';
import { AlertValue } from '@/app/components/alert-value';
import { DataTable } from '@/app/components/data-table';
import { formatAgo, formatTime } from '@/app/components/format';
import { acknowledgeAction } from './actions';

type ActiveAlert = {
  ruleId: number;
  functionId: number;
  since: Date;
  lastValue: number | null;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  sampleRequestId: string | null;
  rule: { name: string; severity: string; signal: string };
  function: { name: string };
};

/**
 * Firing or pending alerts: rule, function (and a sample request to investigate), the value, since
 * when, severity; for firing ones, who acknowledged them, or (editors) a button to.
 */
export function ActiveAlertsTable({ alerts, now, acknowledgements }: { alerts: readonly ActiveAlert[]; now: Date; acknowledgements?: { editable: boolean } }) {
  return (
    <DataTable columns={['Rule', 'Function', { label: 'Value', numeric: true }, 'Since', 'Severity', ...(acknowledgements ? ['Acknowledged'] : [])]}>
      {alerts.map((alert) => (
        <tr key={`${alert.ruleId}:${alert.functionId}`}>
          <td>
            <Link href={`/alerts/rules/${alert.ruleId}`}>{alert.rule.name}</Link>
          </td>
          <td>
            <Link href={`/functions/${alert.functionId}`}>{alert.function.name}</Link>
            {alert.sampleRequestId ? (
              <>
                {' '}
                · <Link href={`/requests/${encodeURIComponent(alert.sampleRequestId)}`}>sample request</Link>
              </>
            ) : null}
          </td>
          <td className="num">
            <AlertValue signal={alert.rule.signal} value={alert.lastValue} />
          </td>
          <td title={formatTime(alert.since)}>{formatAgo(alert.since, now.getTime())}</td>
          <td>
            <AlertSeverityBadge severity={alert.rule.severity} />
          </td>
          {acknowledgements ? (
            <td>
              {alert.acknowledgedAt ? (
                <span title={formatTime(alert.acknowledgedAt)}>
                  by {alert.acknowledgedBy ?? 'someone'}, {formatAgo(alert.acknowledgedAt, now.getTime())}
                </span>
              ) : acknowledgements.editable ? (
                <ActionForm action={acknowledgeAction} submitLabel="Acknowledge" tone="plain">
                  <input type="hidden" name="ruleId" value={alert.ruleId} />
                  <input type="hidden" name="functionId" value={alert.functionId} />
                </ActionForm>
              ) : (
                <span className="muted">not yet</span>
              )}
            </td>
          ) : null}
        </tr>
      ))}
    </DataTable>
  );
}
