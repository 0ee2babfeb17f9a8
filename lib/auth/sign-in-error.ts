import type { SignInRefusal } from './authorize-credentials';

/**
 * Sign-in errors travel as next-auth's `?error=` code (from authorize, the signIn callback, or next-auth
 * itself); these are ours. RateLimited carries its wait in seconds: `RateLimited-420`.
 */
export function encodeSignInError(refusal: SignInRefusal): string {
  if (refusal.reason === 'rate_limited') return `RateLimited-${refusal.retryAfterSeconds}`;
  return refusal.reason === 'disabled' ? 'AccountDisabled' : 'CredentialsSignin';
}

/** The sentence the sign-in page shows for an error code; one message for a wrong email or password. */
export function describeSignInError(code: string): string {
  const rateLimited = /^RateLimited-(\d+)$/.exec(code);
  if (rateLimited) {
    const seconds = Number(rateLimited[1]);
    const wait = seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
    return `Too many sign-in attempts. Try again in ${wait}.`;
  }
  const messages: Record<string, string> = {
    CredentialsSignin: 'Wrong email or password.',
    AccountDisabled: 'This account is disabled. Ask an admin to enable it.',
    OAuthNotInvited: 'No Lambdascope account or invitation uses that email. Ask an admin to invite you.',
    OAuthEmailUnverified: 'Your provider did not confirm that email address is yours; verify it there, or sign in with a password.',
    SessionRequired: 'Sign in to continue.',
    OAuthSignin: 'Could not start signing in with that provider. Try again.',
    OAuthCallback: 'The provider’s answer could not be checked. Try again.',
    Callback: 'Signing in failed. Try again.',
    AccessDenied: 'Access denied.',
    Configuration: 'Sign-in is misconfigured on the server; the server log says why.',
  };
  return messages[code] ?? 'Signing in failed. Try again.';
}
