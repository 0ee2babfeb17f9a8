/** AWS answers at most 1 MB of events per GetLogEvents or FilterLogEvents call, however high the limit. */
export const MAX_RESPONSE_BYTES = 1_048_576;

/** What AWS counts for each event on top of its message bytes. */
export const BYTES_PER_EVENT_OVERHEAD = 26;
