/**
 * The paths anyone may reach signed out; everything else goes through the guard. Kept short on
 * purpose: a new page or route is protected unless it is added here.
 */
const PUBLIC_EXACT = new Set(['/signin', '/setup', '/favicon.ico', '/api/ingest/firehose', '/api/health']);
const PUBLIC_PREFIXES = ['/invite/', '/api/auth/', '/_next/'];

export function isPublicPath(pathname: string): boolean {
  return PUBLIC_EXACT.has(pathname) || PUBLIC_PREFIXES.some((prefix) => pathname.startsWith(prefix));
}
