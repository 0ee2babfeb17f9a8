import type { Metadata } from 'next';
import { formatAgo, formatTime } from '@/app/components/format';
import { listApiTokens } from '@/lib/auth/list-api-tokens';
import { requirePageRole } from '@/lib/auth/require-page-viewer';
import { roleAtLeast, roles } from '@/lib/auth/role';
import { getWebPrisma } from '@/lib/db/get-web-prisma';
import { ActionForm } from '@/app/components/action-form';
import { createTokenAction, revokeTokenAction } from './actions';
import { AdminNav } from '../members/admin-nav';
import { DataTable } from '@/app/components/data-table';

export const metadata: Metadata = { title: 'API tokens' };

export default async function TokensPage() {
  const viewer = await requirePageRole('admin');
  const tokens = await listApiTokens(await getWebPrisma(), { actor: viewer });
  const now = Date.now();
  return (
    <>
      <div className="page-header">
        <div>
          <h1>API tokens</h1>
          <p className="subtitle">
            For scripts and CI calling <code>/api/v1</code> with <code>Authorization: Bearer &lt;token&gt;</code>. A token acts with its role.
          </p>
        </div>
        <AdminNav current="/settings/tokens" />
      </div>
      <section className="card" aria-labelledby="create-heading">
        <h2 id="create-heading">New token</h2>
        <ActionForm action={createTokenAction} submitLabel="Create token" className="toolbar">
          <label htmlFor="token-name">Name</label>
          <input id="token-name" name="name" required maxLength={100} placeholder="ci-deploy" />
          <label htmlFor="token-role">Role</label>
          <select id="token-role" name="role" defaultValue="viewer">
            {roles
              .filter((role) => roleAtLeast(viewer.role, role))
              .map((role) => (
                <option key={role}>{role}</option>
              ))}
          </select>
          <label htmlFor="token-expiry">Expires</label>
          <select id="token-expiry" name="expiresInDays" defaultValue="90">
            <option value="7">in 7 days</option>
            <option value="30">in 30 days</option>
            <option value="90">in 90 days</option>
            <option value="365">in a year</option>
            <option value="">never</option>
          </select>
        </ActionForm>
      </section>
      <section className="card" aria-labelledby="tokens-heading" style={{ marginTop: '1rem' }}>
        <h2 id="tokens-heading">Tokens</h2>
        {tokens.length === 0 ? (
          <p className="empty">
            <strong>No API tokens yet</strong>
            Create one above for a script or CI job.
          </p>
        ) : (
          <DataTable columns={['Name', 'Token', 'Role', 'Created', 'Last used', 'Expires', 'Status', { label: 'Actions', hidden: true }]}>
                {tokens.map((token) => {
                  const expired = token.expiresAt !== null && token.expiresAt.getTime() <= now;
                  return (
                    <tr key={token.id}>
                      <td>{token.name}</td>
                      <td className="mono">{token.prefix}…</td>
                      <td>
                        <span className="badge">{token.role}</span>
                      </td>
                      <td>
                        {formatTime(token.createdAt)} <span className="muted">by {token.createdBy}</span>
                      </td>
                      <td>{formatAgo(token.lastUsedAt)}</td>
                      <td>{token.expiresAt ? formatTime(token.expiresAt) : 'never'}</td>
                      <td>
                        {token.revokedAt ? (
                          <span className="badge badge-bad">revoked</span>
                        ) : expired ? (
                          <span className="badge badge-warn">expired</span>
                        ) : (
                          <span className="badge badge-ok">active</span>
                        )}
                      </td>
                      <td>
                        {token.revokedAt ? null : (
                          <ActionForm action={revokeTokenAction} submitLabel="Revoke" tone="danger">
                            <input type="hidden" name="tokenId" value={token.id} />
                          </ActionForm>
                        )}
                      </td>
                    </tr>
                  );
                })}
          </DataTable>
        )}
      </section>
    </>
  );
}
