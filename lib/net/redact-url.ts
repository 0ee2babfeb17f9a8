/**
 * A URL as it may be shown or logged: its origin, and `/…` for a path or query, since an incoming
 * webhook's path (Slack's) or a query token is itself the credential. Pure.
 */
export function redactUrl(href: string): string {
  try {
    const url = new URL(href);
    return url.pathname === '/' && url.search === '' ? url.origin : `${url.origin}/…`;
  } catch {
    return '(invalid URL)';
  }
}

/** Channel settings with their `url`, if any, redacted. Pure. */
export function redactSettingsUrl(settings: unknown): unknown {
  if (typeof settings !== 'object' || settings === null || !('url' in settings) || typeof settings.url !== 'string') return settings;
  return { ...settings, url: redactUrl(settings.url) };
}
