import type { LogGroupView, LogStreamView } from './log-store-state';
import { logStreamNotFound } from './logs-errors';

/** The named stream of a group; throws ResourceNotFoundException when it is missing. */
export function getLogStream(group: LogGroupView, logStreamName: string): LogStreamView {
  const stream = group.streams.get(logStreamName);
  if (!stream) throw logStreamNotFound();
  return stream;
}
