import type { Metadata } from 'next';
import { formatAgo, formatTime } from '@/app/components/format';
import { listUserSessions } from '@/lib/auth/list-user-sessions';
import { requirePageViewer } from '@/lib/auth/require-page-viewer';
import { getWebPrisma } from '@/lib/db/get-web-prisma';
import { ActionForm } from '@/app/components/action-form';
import { changePasswordAction, renameAction, revokeSessionAction } from './actions';
import { DataTable } from '@/app/components/data-table';

export const metadata: Metadata = { title: 'Account' };

export default async function AccountPage() {
  const viewer = await requirePageViewer();
  const sessions = viewer.userId === null ? [] : await listUserSessions(await getWebPrisma(), { userId: viewer.userId });
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Account</h1>
          <p className="subtitle">
            {viewer.email} · <span className="badge">{viewer.role}</span>
          </p>
        </div>
      </div>
      <div className="grid">
        <section className="card" aria-labelledby="name-heading">
          <h2 id="name-heading">Name</h2>
          <ActionForm action={renameAction} submitLabel="Save name">
            <div className="field">
              <label htmlFor="name">Name</label>
              <input id="name" name="name" defaultValue={viewer.name} required maxLength={100} autoComplete="name" />
            </div>
          </ActionForm>
        </section>
        <section className="card" aria-labelledby="password-heading">
          <h2 id="password-heading">Password</h2>
          <p className="hint">Changing it ends every session, this one too; then you sign in again.</p>
          <ActionForm action={changePasswordAction} submitLabel="Change password">
            <div className="field">
              <label htmlFor="currentPassword">Current password</label>
              <input id="currentPassword" name="currentPassword" type="password" autoComplete="current-password" />
            </div>
            <div className="field">
              <label htmlFor="newPassword">New password</label>
              <input id="newPassword" name="newPassword" type="password" autoComplete="new-password" required minLength={10} />
            </div>
            <div className="field">
              <label htmlFor="confirmPassword">New password again</label>
              <input id="confirmPassword" name="confirmPassword" type="password" autoComplete="new-password" required minLength={10} />
            </div>
          </ActionForm>
        </section>
      </div>
      <section className="card" aria-labelledby="sessions-heading" style={{ marginTop: '1rem' }}>
        <h2 id="sessions-heading">Signed-in sessions</h2>
        <DataTable columns={['Browser', 'IP', 'Signed in', 'Last seen', 'Ends', { label: 'Actions', hidden: true }]}>
              {sessions.map((session) => (
                <tr key={session.id}>
                  <td>
                    {session.userAgent ?? 'unknown'}
                    {session.id === viewer.sessionId ? <span className="badge badge-info"> this browser</span> : null}
                  </td>
                  <td className="mono">{session.ip ?? '–'}</td>
                  <td>{formatTime(session.createdAt)}</td>
                  <td title={formatTime(session.lastSeenAt)}>{formatAgo(session.lastSeenAt)}</td>
                  <td>{formatTime(session.expiresAt)}</td>
                  <td>
                    <ActionForm action={revokeSessionAction} submitLabel="End session" tone="danger">
                      <input type="hidden" name="sessionId" value={session.id} />
                    </ActionForm>
                  </td>
                </tr>
              ))}
        </DataTable>
      </section>
    </>
  );
}
