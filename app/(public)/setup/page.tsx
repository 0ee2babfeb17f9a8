import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import { hasUsers } from '@/lib/auth/has-users';
import { getWebPrisma } from '@/lib/db/get-web-prisma';
import { ActionForm } from '@/app/components/action-form';
import { setupAction } from './actions';
import { NewPasswordFields } from '@/app/components/new-password-fields';

export const metadata: Metadata = { title: 'Set up' };

/** First run only: once any account exists this page sends everyone to sign in. */
export default async function SetupPage() {
  // Per request, never prerendered: whether anyone exists yet is the whole point of this page.
  await connection();
  if (await hasUsers(await getWebPrisma())) redirect('/signin');
  return (
    <section className="card">
      <h1>Set up Lambdascope</h1>
      <p className="subtitle">Create the first account. It is an admin: it invites the rest of the team.</p>
      <ActionForm action={setupAction} submitLabel="Create admin account">
        <NewAccountFields />
      </ActionForm>
    </section>
  );
}

function NewAccountFields() {
  return (
    <>
      <div className="field">
        <label htmlFor="name">Name</label>
        <input id="name" name="name" autoComplete="name" required maxLength={100} />
      </div>
      <div className="field">
        <label htmlFor="email">Email</label>
        <input id="email" name="email" type="email" autoComplete="username" required />
      </div>
      <NewPasswordFields />
    </>
  );
}
