/**
 * Where to go after signing in: a path on this site, never another site (`//evil.example`,
 * `https://…`, `/\evil`), else `/`. Pages that only exist signed out lead back home.
 */
export function safeCallbackPath(callbackUrl: string | null | undefined): string {
  if (!callbackUrl || !callbackUrl.startsWith('/') || callbackUrl.startsWith('//') || callbackUrl.includes('\\')) return '/';
  const url = new URL(callbackUrl, 'http://lambdascope.invalid');
  if (url.origin !== 'http://lambdascope.invalid') return '/';
  if (['/signin', '/setup'].includes(url.pathname) || url.pathname.startsWith('/invite/')) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
