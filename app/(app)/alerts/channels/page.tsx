import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '@/app/components/action-form';
import { AlertChannelForm } from '@/app/components/alert-channel-form';
import { AutoRefresh } from '@/app/components/auto-refresh';
import { DataTable } from '@/app/components/data-table';
import { formatAgo, formatDuration, formatTime } from '@/app/components/format';
import { channelSettingsSchemas } from '@/lib/alerts/channels/channel-settings';
import { listAlertChannels } from '@/lib/alerts/list-alerting';
import { canChange } from '@/lib/auth/can-change';
import { requirePageViewer } from '@/lib/auth/require-page-viewer';
import { getWebPrisma } from '@/lib/db/get-web-prisma';
import { AlertsNav } from '../alerts-nav';
import { addChannelAction, allowHostAction, revokeHostAction, sendTestAction } from './actions';

export const metadata: Metadata = { title: 'Alert channels' };

const DELIVERIES_SHOWN = 5;

const statusTones: Record<string, string> = { delivered: 'badge-ok', pending: 'badge-info', expired: 'badge-bad' };

/** Where notifications go: each channel, a test send, its last deliveries and their tries; and (editors) a new channel. */
export default async function AlertChannelsPage() {
  const viewer = await requirePageViewer();
  const prisma = await getWebPrisma();
  const channels = await listAlertChannels(prisma);
  const deliveries = await Promise.all(
    channels.map((channel) =>
      prisma.notificationDelivery.findMany({
        where: { channelId: channel.id },
        orderBy: { id: 'desc' },
        take: DELIVERIES_SHOWN,
        select: {
          id: true,
          kind: true,
          status: true,
          attempts: true,
          lastError: true,
          createdAt: true,
          deliveredAt: true,
          nextAttemptAt: true,
          event: { select: { ruleId: true, rule: { select: { name: true } }, function: { select: { name: true } } } },
          attemptLog: { orderBy: { at: 'desc' }, take: 10, select: { id: true, at: true, ok: true, statusCode: true, durationMs: true, error: true } },
        },
      }),
    ),
  );
  const editable = canChange(viewer.role, 'alerts');
  const admin = canChange(viewer.role, 'outboundHosts');
  const allowances = await prisma.outboundHostAllowance.findMany({ orderBy: { host: 'asc' } });
  const now = Date.now();
  return (
    <div className="stack">
      <AutoRefresh seconds={30} />
      <div className="page-header">
        <div>
          <h1>Alert channels</h1>
          <p className="subtitle">Where rules send their notifications: Slack, signed webhooks, email. Refreshes every 30 s.</p>
        </div>
        <AlertsNav current="/alerts/channels" />
      </div>
      {channels.length === 0 ? (
        <section className="card" aria-labelledby="channels-heading">
          <h2 id="channels-heading">Channels</h2>
          <div className="empty">
            <strong>No channels yet.</strong>
            {editable ? 'Add one below, then pick it in a rule.' : 'An editor or admin can add one.'}
          </div>
        </section>
      ) : (
        channels.map((channel, index) => {
          const recent = deliveries[index] ?? [];
          return (
            <section key={channel.id} className="card" aria-labelledby={`channel-${channel.id}-heading`}>
              <div className="card-header">
                <h2 id={`channel-${channel.id}-heading`}>
                  {channel.name} <span className="badge">{channel.kind}</span>
                </h2>
                {editable ? (
                  <ActionForm action={sendTestAction} submitLabel="Send test" tone="plain">
                    <input type="hidden" name="channelId" value={channel.id} />
                  </ActionForm>
                ) : null}
              </div>
              <dl className="kv">
                <dt>Target</dt>
                <dd className="mono">{describeTarget(channel.kind, channel.settings)}</dd>
                <dt>{channel.kind === 'email' ? 'Password' : 'Signing secret'}</dt>
                <dd>{channel.kind === 'slack' ? <span className="muted">not used</span> : channel.hasSecret ? <span className="badge badge-ok">set</span> : <span className="badge">not set</span>}</dd>
                <dt>Added</dt>
                <dd title={formatTime(channel.createdAt)}>{formatAgo(channel.createdAt, now)}</dd>
              </dl>
              <h3 className="subheading" id={`channel-${channel.id}-deliveries`}>
                Recent deliveries
              </h3>
              {recent.length === 0 ? (
                <p className="hint">Nothing sent yet{editable ? ': send a test to check the channel works.' : '.'}</p>
              ) : (
                <DataTable columns={['Queued', 'What', 'Status', { label: 'Tries', numeric: true }, 'Last error']}>
                  {recent.map((delivery) => (
                    <tr key={delivery.id}>
                      <td title={formatTime(delivery.createdAt)}>{formatAgo(delivery.createdAt, now)}</td>
                      <td>
                        {delivery.event ? (
                          <>
                            {delivery.kind} · <Link href={`/alerts/rules/${delivery.event.ruleId}`}>{delivery.event.rule.name}</Link> on {delivery.event.function.name}
                          </>
                        ) : (
                          delivery.kind
                        )}
                      </td>
                      <td>
                        <span className={`badge ${statusTones[delivery.status] ?? ''}`}>{delivery.status}</span>{' '}
                        <span className="muted">
                          {delivery.status === 'delivered' && delivery.deliveredAt
                            ? formatAgo(delivery.deliveredAt, now)
                            : delivery.status === 'pending'
                              ? delivery.nextAttemptAt.getTime() > now
                                ? `next try ${formatTime(delivery.nextAttemptAt)}`
                                : 'due'
                              : null}
                        </span>
                      </td>
                      <td className="num">
                        {delivery.attemptLog.length === 0 ? (
                          delivery.attempts
                        ) : (
                          <details>
                            <summary>{delivery.attempts}</summary>
                            <ul className="plain-list">
                              {delivery.attemptLog.map((attempt) => (
                                <li key={attempt.id}>
                                  {formatTime(attempt.at)}: {attempt.ok ? 'ok' : 'failed'}
                                  {attempt.statusCode === null ? '' : ` (${attempt.statusCode})`} in {formatDuration(attempt.durationMs)}
                                  {attempt.error ? <span className="error-text"> — {attempt.error}</span> : null}
                                </li>
                              ))}
                            </ul>
                          </details>
                        )}
                      </td>
                      <td>{delivery.lastError ? <span className="error-text">{delivery.lastError}</span> : <span className="muted">–</span>}</td>
                    </tr>
                  ))}
                </DataTable>
              )}
            </section>
          );
        })
      )}
      {editable ? (
        <section className="card" aria-labelledby="add-channel-heading">
          <h2 id="add-channel-heading">Add a channel</h2>
          <AlertChannelForm action={addChannelAction} />
        </section>
      ) : (
        <p className="hint">Your role ({viewer.role}) can read channels but not change them.</p>
      )}
      <section className="card" aria-labelledby="allowed-hosts-heading">
        <h2 id="allowed-hosts-heading">Hosts allowed although not public</h2>
        <p className="hint">
          Channels may only reach public addresses: loopback, private, link-local, metadata and reserved addresses are refused, and so are
          names that resolve to them and redirects to them. An admin can allow a host here, such as an internal webhook or an SMTP relay.
        </p>
        {allowances.length === 0 ? (
          <p className="hint">None: every channel must reach a public address.</p>
        ) : (
          <DataTable columns={['Host', 'Reason', 'Allowed by', ...(admin ? [''] : [])]}>
            {allowances.map((allowance) => (
              <tr key={allowance.host}>
                <td className="mono">{allowance.host}</td>
                <td>{allowance.reason}</td>
                <td title={formatTime(allowance.createdAt)}>{allowance.createdBy}</td>
                {admin ? (
                  <td>
                    <ActionForm action={revokeHostAction} submitLabel="Revoke" tone="plain">
                      <input type="hidden" name="host" value={allowance.host} />
                    </ActionForm>
                  </td>
                ) : null}
              </tr>
            ))}
          </DataTable>
        )}
        {admin ? (
          <ActionForm action={allowHostAction} submitLabel="Allow host" className="toolbar">
            <label htmlFor="allow-host">Host</label>
            <input id="allow-host" name="host" placeholder="10.0.0.5 or hooks.internal" required />
            <label htmlFor="allow-reason">Reason</label>
            <input id="allow-reason" name="reason" placeholder="the on-call bridge inside the VPC" required />
          </ActionForm>
        ) : null}
      </section>
    </div>
  );
}

/** Where a channel sends: email's server and addresses, or the webhook URL as listAlertChannels redacts it (origin only). */
function describeTarget(kind: string, settings: unknown): string {
  if (kind === 'email') {
    const email = channelSettingsSchemas.email.safeParse(settings);
    return email.success ? `${email.data.host}:${email.data.port}${email.data.secure ? ' (TLS)' : ''} · from ${email.data.from} to ${email.data.to.join(', ')}` : 'invalid settings';
  }
  return typeof settings === 'object' && settings !== null && 'url' in settings && typeof settings.url === 'string' ? settings.url : 'invalid settings';
}
