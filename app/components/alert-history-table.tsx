import Link from 'next/link';
import { AlertStateBadge } from './alert-state-badge';
import { AlertValue } from './alert-value';
import { DataTable } from './data-table';
import { formatTime } from './format';

export type AlertHistoryEvent = {
  id: number;
  at: Date;
  ruleId: number;
  functionId: number;
  fromState: string;
  toState: string;
  value: number | null;
  threshold: number;
  rule: { name: string };
  function: { name: string };
};

/** State changes (alert_events), newest first: when, which rule and function, from what to what, at what value. */
export function AlertHistoryTable({ events, signalOf, showRule = true }: { events: readonly AlertHistoryEvent[]; signalOf: (ruleId: number) => string; showRule?: boolean }) {
  return (
    <DataTable columns={['At', ...(showRule ? ['Rule'] : []), 'Function', 'Change', { label: 'Value', numeric: true }, { label: 'Threshold', numeric: true }]}>
      {events.map((event) => (
        <tr key={event.id}>
          <td>{formatTime(event.at)}</td>
          {showRule ? (
            <td>
              <Link href={`/alerts/rules/${event.ruleId}`}>{event.rule.name}</Link>
            </td>
          ) : null}
          <td>
            <Link href={`/functions/${event.functionId}`}>{event.function.name}</Link>
          </td>
          <td>
            <AlertStateBadge state={event.fromState} /> → <AlertStateBadge state={event.toState} />
          </td>
          <td className="num">
            <AlertValue signal={signalOf(event.ruleId)} value={event.value} />
          </td>
          <td className="num">
            <AlertValue signal={signalOf(event.ruleId)} value={event.threshold} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
