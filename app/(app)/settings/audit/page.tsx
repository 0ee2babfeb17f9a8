import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { formatTime } from '@/app/components/format';
import { listAuditEvents } from '@/lib/auth/list-audit-events';
import { requirePageRole } from '@/lib/auth/require-page-viewer';
import { getWebPrisma } from '@/lib/db/get-web-prisma';
import { AdminNav } from '../members/admin-nav';
import { DataTable } from '@/app/components/data-table';

export const metadata: Metadata = { title: 'Audit log' };

const querySchema = z.object({ before: z.coerce.number().int().positive().optional() });

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePageRole('admin');
  const query = querySchema.safeParse(await searchParams);
  const before = query.success ? query.data.before : undefined;
  const { events, nextBefore } = await listAuditEvents(await getWebPrisma(), { actor: viewer, before, limit: 50 });
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Audit log</h1>
          <p className="subtitle">Who changed what: sources, members, invitations and API tokens. Newest first.</p>
        </div>
        <AdminNav current="/settings/audit" />
      </div>
      <section className="card">
        {events.length === 0 ? (
          <p className="empty">
            <strong>Nothing recorded{before ? ' before this point' : ' yet'}</strong>
          </p>
        ) : (
          <DataTable columns={['When', 'Who', 'Action', 'Target', 'Details']}>
                {events.map((event) => (
                  <tr key={event.id}>
                    <td>{formatTime(event.at)}</td>
                    <td>{event.actorLabel}</td>
                    <td>
                      <span className="badge">{event.action}</span>
                    </td>
                    <td className="mono">
                      {event.targetType}
                      {event.targetId ? ` #${event.targetId}` : ''}
                    </td>
                    <td className="mono">{JSON.stringify(event.details)}</td>
                  </tr>
                ))}
          </DataTable>
        )}
        <p className="toolbar" style={{ marginTop: '0.75rem' }}>
          {before ? <Link href="/settings/audit">Newest</Link> : null}
          {nextBefore ? <Link href={`/settings/audit?before=${nextBefore}`}>Older</Link> : null}
        </p>
      </section>
    </>
  );
}
