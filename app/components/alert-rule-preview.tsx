import type { RulePreview } from '@/lib/alerts/preview-alert-rule';
import { AlertStateBadge } from './alert-state-badge';
import { AlertValue } from './alert-value';
import { DataTable } from './data-table';
import { formatTime } from './format';

const notificationTones: Record<string, string> = { firing: 'badge-bad', repeat: 'badge-warn', resolved: 'badge-ok' };

/**
 * "Test this rule": what the rule would have done to one function over the last 24 hours — the
 * state changes and the notifications it would have sent — from the same state machine the worker runs.
 */
export function AlertRulePreview({ preview, signal, functionName, channelCount }: { preview: RulePreview; signal: string; functionName: string; channelCount: number }) {
  const count = (kind: string) => preview.notifications.filter((notification) => notification.kind === kind).length;
  return (
    <div className="stack">
      <p>
        {preview.changes.length === 0
          ? `Over the last 24 hours this rule would have left ${functionName} alone: no state change, no notification.`
          : `Over the last 24 hours this rule would have changed state ${preview.changes.length} ${preview.changes.length === 1 ? 'time' : 'times'} for ${functionName} ` +
            `and sent ${preview.notifications.length} ${preview.notifications.length === 1 ? 'notification' : 'notifications'} ` +
            `(${count('firing')} firing, ${count('repeat')} repeat, ${count('resolved')} resolved)` +
            (channelCount === 0 ? ', though it has no channel to send them to.' : channelCount === 1 ? ' to its channel.' : `, each to its ${channelCount} channels.`)}
      </p>
      <p className="hint">Silences, mutes and acknowledgements are left out; it starts from “ok” 24 hours ago.</p>
      {preview.changes.length === 0 ? null : (
        <div className="grid">
          <div>
            <h3 className="subheading" id="preview-changes-heading">
              State changes
            </h3>
            <DataTable columns={['At', 'Change', { label: 'Value', numeric: true }]}>
              {preview.changes.map((change) => (
                <tr key={`${change.at}-${change.to}`}>
                  <td>{formatTime(change.at)}</td>
                  <td>
                    <AlertStateBadge state={change.from} /> → <AlertStateBadge state={change.to} />
                  </td>
                  <td className="num">
                    <AlertValue signal={signal} value={change.value} />
                  </td>
                </tr>
              ))}
            </DataTable>
          </div>
          <div>
            <h3 className="subheading" id="preview-notifications-heading">
              Notifications
            </h3>
            {preview.notifications.length === 0 ? (
              <p className="hint">None would have been sent.</p>
            ) : (
              <DataTable columns={['At', 'Kind']}>
                {preview.notifications.map((notification) => (
                  <tr key={`${notification.at}-${notification.kind}`}>
                    <td>{formatTime(notification.at)}</td>
                    <td>
                      <span className={`badge ${notificationTones[notification.kind] ?? ''}`}>{notification.kind}</span>
                    </td>
                  </tr>
                ))}
              </DataTable>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
