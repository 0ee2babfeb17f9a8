'use client';

import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import type { OAuthProviderChoice } from '@/lib/auth/list-oauth-providers';
import { describeSignInError } from '@/lib/auth/sign-in-error';

type SignInFormProps = { callbackUrl: string; initialError: string | null; email: string; providers: OAuthProviderChoice[] };

/** Email and password through next-auth's Credentials provider; the server's refusal is shown as it says it. */
export function SignInForm({ callbackUrl, initialError, email, providers }: SignInFormProps) {
  const [error, setError] = useState(initialError);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn('credentials', {
      redirect: false,
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
      callbackUrl,
    });
    if (result?.ok && !result.error) {
      // A full load, so the server renders the signed-in layout with the new cookie.
      window.location.assign(callbackUrl);
      return;
    }
    setError(describeSignInError(result?.error ?? 'Callback'));
    setPending(false);
  }

  return (
    <>
      <form method="post" onSubmit={(event) => void submit(event)} aria-describedby={error ? 'signin-error' : undefined}>
        <div className="field">
          <label htmlFor="email">Email</label>
          <input id="email" name="email" type="email" autoComplete="username" required defaultValue={email} autoFocus={!email} />
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required autoFocus={Boolean(email)} />
        </div>
        {error ? (
          <p id="signin-error" className="notice notice-error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      {providers.length > 0 ? (
        <div className="stack">
          <p className="hint">Or, for a member or an invited email:</p>
          {providers.map((provider) => (
            <button key={provider.id} type="button" onClick={() => void signIn(provider.id, { callbackUrl })}>
              Sign in with {provider.name}
            </button>
          ))}
        </div>
      ) : null}
    </>
  );
}
