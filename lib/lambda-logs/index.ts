export { parseLogEvent } from './parse-log-event';
export { parseLogStreamName, type LogStreamName } from './parse-log-stream-name';
export type {
  AppRecord,
  AppRuntime,
  EndRecord,
  ExtensionRecord,
  InitReportRecord,
  InitStartRecord,
  LogEvent,
  LogFormat,
  LogRecord,
  LogRecordKind,
  Phase,
  PlainRecord,
  ReportRecord,
  ReportStatus,
  RestoreReportRecord,
  RestoreStartRecord,
  RuntimeExitRecord,
  StartRecord,
  SubscriptionRecord,
  TimeoutRecord,
} from './log-record';
