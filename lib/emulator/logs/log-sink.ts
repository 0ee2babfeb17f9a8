/** What execution environments need from CloudWatch Logs: somewhere to write lines as they happen. */
export type LogEventInput = { timestamp: number; message: string };

export type LogSink = {
  /** Creates the group if missing (Lambda creates `/aws/lambda/<name>` on first invoke). */
  ensureLogGroup(logGroupName: string): void;
  ensureLogStream(logGroupName: string, logStreamName: string): void;
  /** Appends events to a stream; readable through the Logs API as soon as this returns. */
  appendEvents(logGroupName: string, logStreamName: string, events: LogEventInput[]): void;
};
