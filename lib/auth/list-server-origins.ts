/** What a request says about where it arrived (Next sets x-forwarded-* itself when no proxy did). */
export type ArrivalHeaders = {
  host: string | null;
  forwardedHost: string | null;
  forwardedProto: string | null;
  /** The URL's own protocol ('http:' or 'https:'), for when x-forwarded-proto is absent. */
  protocol: string;
};

/**
 * The origins this server answers as: NEXTAUTH_URL's alone when it is set; otherwise the request's own
 * (x-forwarded-host and Host, over x-forwarded-proto). A cross-site page cannot set either header.
 */
export function listServerOrigins(publicUrl: string | undefined, arrival: ArrivalHeaders): string[] {
  if (publicUrl) return [new URL(publicUrl).origin];
  const protocol = (arrival.forwardedProto?.split(',')[0]?.trim() || arrival.protocol.replace(/:$/, '')).toLowerCase();
  const hosts = [arrival.forwardedHost?.split(',')[0]?.trim(), arrival.host?.trim()].filter((host): host is string => Boolean(host));
  const origins = new Set<string>();
  for (const host of hosts) {
    try {
      origins.add(new URL(`${protocol}://${host}`).origin);
    } catch {
      // A Host no URL can hold matches no Origin.
    }
  }
  return [...origins];
}
