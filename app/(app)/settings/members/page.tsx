import type { Metadata } from 'next';
import { formatAgo, formatTime } from '@/app/components/format';
import { listMembers } from '@/lib/auth/list-members';
import { requirePageRole } from '@/lib/auth/require-page-viewer';
import { roles } from '@/lib/auth/role';
import { getWebPrisma } from '@/lib/db/get-web-prisma';
import { ActionForm } from '@/app/components/action-form';
import { changeRoleAction, inviteMemberAction, revokeInviteAction, setDisabledAction } from './actions';
import { AdminNav } from './admin-nav';
import { DataTable } from '@/app/components/data-table';

export const metadata: Metadata = { title: 'Team' };

export default async function MembersPage() {
  const viewer = await requirePageRole('admin');
  const { members, invites } = await listMembers(await getWebPrisma(), { actor: viewer });
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Team</h1>
          <p className="subtitle">Viewers read everything; editors also change sources and alerts; admins also manage the team and API tokens.</p>
        </div>
        <AdminNav current="/settings/members" />
      </div>
      <section className="card" aria-labelledby="invite-heading">
        <h2 id="invite-heading">Invite someone</h2>
        <ActionForm action={inviteMemberAction} submitLabel="Create invitation link" className="toolbar">
          <label htmlFor="invite-email" className="visually-hidden">
            Email
          </label>
          <input id="invite-email" name="email" type="email" placeholder="name@example.com" required />
          <label htmlFor="invite-role" className="visually-hidden">
            Role
          </label>
          <select id="invite-role" name="role" defaultValue="viewer">
            {roles.map((role) => (
              <option key={role}>{role}</option>
            ))}
          </select>
        </ActionForm>
      </section>
      <section className="card" aria-labelledby="members-heading" style={{ marginTop: '1rem' }}>
        <h2 id="members-heading">Members</h2>
        <DataTable columns={['Name', 'Email', 'Role', 'Status', 'Last seen', 'Signs in with', { label: 'Actions', hidden: true }]}>
              {members.map((member) => (
                <tr key={member.id}>
                  <td>
                    {member.name}
                    {member.id === viewer.userId ? <span className="muted"> (you)</span> : null}
                  </td>
                  <td>{member.email}</td>
                  <td>
                    <ActionForm action={changeRoleAction} submitLabel="Change" tone="plain" className="toolbar">
                      <input type="hidden" name="userId" value={member.id} />
                      <label htmlFor={`role-${member.id}`} className="visually-hidden">
                        Role of {member.name}
                      </label>
                      <select id={`role-${member.id}`} name="role" defaultValue={member.role}>
                        {roles.map((role) => (
                          <option key={role}>{role}</option>
                        ))}
                      </select>
                    </ActionForm>
                  </td>
                  <td>{member.disabledAt ? <span className="badge badge-bad">disabled</span> : <span className="badge badge-ok">active</span>}</td>
                  <td title={member.lastSeenAt ? formatTime(member.lastSeenAt) : undefined}>{formatAgo(member.lastSeenAt)}</td>
                  <td>{[member.signsInWith.password ? 'password' : null, ...member.signsInWith.providers].filter(Boolean).join(', ') || '–'}</td>
                  <td>
                    {member.id === viewer.userId ? null : (
                      <ActionForm action={setDisabledAction} submitLabel={member.disabledAt ? 'Enable' : 'Disable'} tone={member.disabledAt ? 'plain' : 'danger'}>
                        <input type="hidden" name="userId" value={member.id} />
                        <input type="hidden" name="disabled" value={member.disabledAt ? 'false' : 'true'} />
                      </ActionForm>
                    )}
                  </td>
                </tr>
              ))}
        </DataTable>
      </section>
      {invites.length > 0 ? (
        <section className="card" aria-labelledby="invites-heading" style={{ marginTop: '1rem' }}>
          <h2 id="invites-heading">Pending invitations</h2>
          <DataTable columns={['Email', 'Role', 'Invited by', 'Expires', { label: 'Actions', hidden: true }]}>
                {invites.map((invite) => (
                  <tr key={invite.id}>
                    <td>{invite.email}</td>
                    <td>
                      <span className="badge">{invite.role}</span>
                    </td>
                    <td>{invite.invitedBy}</td>
                    <td>{formatTime(invite.expiresAt)}</td>
                    <td>
                      <ActionForm action={revokeInviteAction} submitLabel="Withdraw" tone="danger">
                        <input type="hidden" name="inviteId" value={invite.id} />
                      </ActionForm>
                    </td>
                  </tr>
                ))}
          </DataTable>
        </section>
      ) : null}
    </>
  );
}
