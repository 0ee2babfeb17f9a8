import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getWebAuth } from '@/lib/auth/get-web-auth';
import { hasUsers } from '@/lib/auth/has-users';
import { listOAuthProviders } from '@/lib/auth/list-oauth-providers';
import { findPageViewer } from '@/lib/auth/require-page-viewer';
import { safeCallbackPath } from '@/lib/auth/safe-callback-path';
import { describeSignInError } from '@/lib/auth/sign-in-error';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const notices: Record<string, string> = {
  setup: 'Your admin account is ready. Sign in with it.',
  joined: 'Welcome aboard. Sign in with your new password.',
  'password-changed': 'Password changed and every session ended. Sign in with the new password.',
};

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const { prisma, config } = await getWebAuth();
  if (!(await hasUsers(prisma))) redirect('/setup');
  const callbackPath = safeCallbackPath(first(params.callbackUrl));
  if (await findPageViewer()) redirect(callbackPath);
  const error = first(params.error);
  const notice = notices[first(params.notice) ?? ''];
  return (
    <section className="card">
      <h1>Sign in</h1>
      {notice ? (
        <p className="notice notice-ok" role="status">
          {notice}
        </p>
      ) : null}
      <SignInForm
        callbackUrl={callbackPath}
        initialError={error ? describeSignInError(error) : null}
        email={first(params.email) ?? ''}
        providers={listOAuthProviders(config)}
      />
    </section>
  );
}
