/**
 * The client's address for rate limiting: the first x-forwarded-for entry (Next sets the header to the
 * socket's address when no proxy did), else x-real-ip. A client talking to Next directly can forge it,
 * so the per-email limit is the one that cannot be dodged; behind a proxy that overwrites it, both hold.
 */
export function readClientIp(headers: Pick<Headers, 'get'>): string | null {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  const ip = forwarded || headers.get('x-real-ip')?.trim() || null;
  return ip ? ip.slice(0, 100) : null;
}
