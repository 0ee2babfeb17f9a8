/**
 * One CloudWatch Logs event of a Lambda function, understood (../shared/lambda-logs/FORMATS.md).
 * Field names follow Lambda's JSON log format so Text and JSON events of the same fact look alike.
 */
export type LogFormat = 'text' | 'json';
export type Phase = 'init' | 'invoke';
export type ReportStatus = 'success' | 'failure' | 'error' | 'timeout';
export type AppRuntime = 'node' | 'python' | 'java' | 'dotnet' | 'ruby' | 'go' | 'unknown';

export type StartRecord = { kind: 'start'; requestId: string; version?: string; format: LogFormat; xrayTraceId?: string };
export type EndRecord = { kind: 'end'; requestId: string };
export type ReportRecord = {
  kind: 'report';
  format: LogFormat;
  requestId: string;
  durationMs?: number;
  billedDurationMs?: number;
  memorySizeMB?: number;
  maxMemoryUsedMB?: number;
  initDurationMs?: number;
  restoreDurationMs?: number;
  billedRestoreDurationMs?: number;
  status?: ReportStatus;
  errorType?: string;
  xrayTraceId?: string;
  xraySegmentId?: string;
  xraySampled?: boolean;
};
export type InitStartRecord = {
  kind: 'init-start';
  format: LogFormat;
  runtimeVersion?: string;
  runtimeVersionArn?: string;
  initializationType?: string;
  phase?: Phase;
  functionName?: string;
  functionVersion?: string;
};
export type InitReportRecord = {
  kind: 'init-report';
  format: LogFormat;
  durationMs?: number;
  phase?: Phase;
  status?: string;
  errorType?: string;
  initializationType?: string;
};
export type RestoreStartRecord = { kind: 'restore-start'; runtimeVersion?: string; runtimeVersionArn?: string };
export type RestoreReportRecord = { kind: 'restore-report'; durationMs?: number; status?: string; errorType?: string };
export type TimeoutRecord = { kind: 'timeout'; requestId: string; timeoutSeconds: number };
export type RuntimeExitRecord = {
  kind: 'runtime-exit';
  requestId?: string;
  reason: string;
  errorType: string;
  signal?: string;
  exitStatus?: number;
  outOfMemory: boolean;
};
export type ExtensionRecord = { kind: 'extension'; name: string; state: string; events: string[]; errorType?: string };
export type SubscriptionRecord = { kind: 'subscription'; api: 'logs' | 'telemetry'; name: string; state: string; types: string[] };
export type AppRecord = {
  kind: 'app';
  runtime: AppRuntime;
  format: LogFormat;
  requestId?: string;
  level?: string;
  timestamp?: string;
  message: string;
  errorType?: string;
  errorMessage?: string;
  stackTrace?: string[];
  outOfMemory?: boolean;
};
/** Anything not understood: the message is kept whole, never dropped. */
export type PlainRecord = { kind: 'plain'; message: string };

export type LogRecord =
  | StartRecord
  | EndRecord
  | ReportRecord
  | InitStartRecord
  | InitReportRecord
  | RestoreStartRecord
  | RestoreReportRecord
  | TimeoutRecord
  | RuntimeExitRecord
  | ExtensionRecord
  | SubscriptionRecord
  | AppRecord
  | PlainRecord;

export type LogRecordKind = LogRecord['kind'];

/** The input: one CloudWatch Logs event (`timestamp` is accepted for callers' convenience; the parser does not need it). */
export type LogEvent = { message: string; timestamp?: number };
