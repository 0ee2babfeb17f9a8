import type { Metadata } from 'next';
import Link from 'next/link';
import { findPendingInvite } from '@/lib/auth/find-pending-invite';
import { invalidInviteMessage } from '@/lib/auth/claim-invite';
import { getWebPrisma } from '@/lib/db/get-web-prisma';
import { ActionForm } from '@/app/components/action-form';
import { acceptInviteAction } from './actions';
import { NewPasswordFields } from '@/app/components/new-password-fields';

export const metadata: Metadata = { title: 'Join' };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = await findPendingInvite(await getWebPrisma(), token);
  if (!invite) {
    return (
      <section className="card">
        <h1>Invitation</h1>
        <p className="notice notice-error" role="alert">
          {invalidInviteMessage}
        </p>
        <p>
          <Link href="/signin">Sign in</Link> if you have an account.
        </p>
      </section>
    );
  }
  return (
    <section className="card">
      <h1>Join Lambdascope</h1>
      <p className="subtitle">
        {invite.invitedBy} invited <strong>{invite.email}</strong> as <span className="badge">{invite.role}</span>. Choose your name
        and a password.
      </p>
      <ActionForm action={acceptInviteAction.bind(null, token)} submitLabel="Join">
        <div className="field">
          <label htmlFor="name">Name</label>
          <input id="name" name="name" autoComplete="name" required maxLength={100} />
        </div>
        <div className="field">
          <label htmlFor="email">Email</label>
          <input id="email" type="email" autoComplete="username" value={invite.email} readOnly />
        </div>
        <NewPasswordFields />
      </ActionForm>
    </section>
  );
}
