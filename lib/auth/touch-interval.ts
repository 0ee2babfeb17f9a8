/** lastSeenAt / lastUsedAt move at most this often: a timestamp, not a write per request. */
export const TOUCH_INTERVAL_MS = 60_000;
