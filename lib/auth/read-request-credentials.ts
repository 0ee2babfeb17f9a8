/** next-auth's session cookie: `__Secure-` over https (NEXTAUTH_URL https://…), plain otherwise. */
export const sessionCookieNames = ['__Secure-next-auth.session-token', 'next-auth.session-token'] as const;

/** What a request offers to prove who it is: a Bearer token, or a session cookie's value (or neither). */
export type RequestCredentials = { bearerToken: string | null; sessionToken: string | null };

/**
 * The credentials in a request's headers. A Bearer token wins over a cookie (it is explicit, and never
 * ambient). next-auth splits cookies over 4 KB into `<name>.0`, `<name>.1`…; those are joined.
 */
export function readRequestCredentials(headers: Pick<Headers, 'get'>): RequestCredentials {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.get('authorization') ?? '');
  if (bearer) return { bearerToken: bearer[1] as string, sessionToken: null };
  const cookies = parseCookieHeader(headers.get('cookie') ?? '');
  for (const name of sessionCookieNames) {
    const whole = cookies.get(name);
    if (whole) return { bearerToken: null, sessionToken: whole };
    const chunks: string[] = [];
    for (let index = 0; cookies.has(`${name}.${index}`); index += 1) chunks.push(cookies.get(`${name}.${index}`) as string);
    if (chunks.length > 0) return { bearerToken: null, sessionToken: chunks.join('') };
  }
  return { bearerToken: null, sessionToken: null };
}

function parseCookieHeader(header: string): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at <= 0) continue;
    const name = part.slice(0, at).trim();
    let value = part.slice(at + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      value = decodeURIComponent(value);
    } catch {
      // Kept as sent: a value that is not percent-encoding is not ours to fix.
    }
    if (!cookies.has(name)) cookies.set(name, value);
  }
  return cookies;
}
