const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type OriginCheck = { ok: true } | { ok: false; message: string };

/**
 * A state-changing request authenticated by cookie must say it comes from one of our own pages: its
 * Origin header must be one of `serverOrigins`. (next-auth's CSRF token guards only its own routes;
 * this covers every route handler and server action.) Safe methods pass.
 */
export function checkOrigin(input: { method: string; origin: string | null; serverOrigins: readonly string[] }): OriginCheck {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return { ok: true };
  if (!input.origin || input.origin === 'null') {
    return { ok: false, message: `A ${input.method.toUpperCase()} signed in by cookie must carry an Origin header (send it, or use an API token).` };
  }
  let origin: string;
  try {
    origin = new URL(input.origin).origin;
  } catch {
    return { ok: false, message: `Origin ${input.origin} is not a URL.` };
  }
  if (input.serverOrigins.includes(origin)) return { ok: true };
  return { ok: false, message: `Cross-site request refused: Origin ${origin} is not this server (${input.serverOrigins.join(', ') || 'unknown'}).` };
}
