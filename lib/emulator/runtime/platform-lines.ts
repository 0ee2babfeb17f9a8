/**
 * The lines the Lambda platform writes to CloudWatch Logs, in AWS's Text and JSON formats
 * (../shared/lambda-logs/FORMATS.md §1 and §4). Pure: each function returns one event's message.
 */
export type LogFormat = 'Text' | 'JSON';
export type InitializationType = 'on-demand' | 'provisioned-concurrency';

export type ReportMetrics = {
  requestId: string;
  durationMs: number;
  billedDurationMs: number;
  memorySizeMB: number;
  maxMemoryUsedMB: number;
  initDurationMs?: number;
  /**
   * JSON format writes it always; Text only for `error` (platform fault) and `timeout`.
   * `failure` is the function's own error.
   */
  status: 'success' | 'failure' | 'error' | 'timeout';
  errorType?: string;
};

const json = (time: Date, type: string, record: Record<string, unknown>) =>
  JSON.stringify({ time: time.toISOString(), type, record });

export function formatInitStart(
  format: LogFormat,
  time: Date,
  record: {
    runtimeVersion: string;
    runtimeVersionArn: string;
    functionName: string;
    functionVersion: string;
    initializationType: InitializationType;
  },
): string {
  if (format === 'JSON') {
    return json(time, 'platform.initStart', {
      initializationType: record.initializationType,
      phase: 'init',
      runtimeVersion: record.runtimeVersion,
      runtimeVersionArn: record.runtimeVersionArn,
      functionName: record.functionName,
      functionVersion: record.functionVersion,
    });
  }
  return `INIT_START Runtime Version: ${record.runtimeVersion}\tRuntime Version ARN: ${record.runtimeVersionArn}\n`;
}

export function formatStart(format: LogFormat, time: Date, requestId: string, version: string): string {
  if (format === 'JSON') return json(time, 'platform.start', { requestId, version });
  return `START RequestId: ${requestId} Version: ${version}\n`;
}

/**
 * The Text-only lines: END, the timeout line and the runtime-exit line have no JSON-format
 * counterpart at the default system log level (their facts are in platform.report's status).
 * Each returns null for JSON.
 */
export function formatEnd(format: LogFormat, requestId: string): string | null {
  return format === 'JSON' ? null : `END RequestId: ${requestId}\n`;
}

export function formatReport(format: LogFormat, time: Date, report: ReportMetrics): string {
  if (format === 'JSON') {
    const metrics: Record<string, number> = {
      durationMs: round(report.durationMs, 3),
      billedDurationMs: report.billedDurationMs,
      memorySizeMB: report.memorySizeMB,
      maxMemoryUsedMB: report.maxMemoryUsedMB,
    };
    if (report.initDurationMs !== undefined) metrics.initDurationMs = round(report.initDurationMs, 3);
    const record: Record<string, unknown> = { requestId: report.requestId, metrics, status: report.status };
    if (report.errorType) record.errorType = report.errorType;
    return json(time, 'platform.report', record);
  }
  let line =
    `REPORT RequestId: ${report.requestId}\tDuration: ${report.durationMs.toFixed(2)} ms\t` +
    `Billed Duration: ${report.billedDurationMs} ms\tMemory Size: ${report.memorySizeMB} MB\t` +
    `Max Memory Used: ${report.maxMemoryUsedMB} MB\t`;
  if (report.initDurationMs !== undefined) line += `Init Duration: ${report.initDurationMs.toFixed(2)} ms\t`;
  if (report.status === 'error' || report.status === 'timeout') {
    line += `Status: ${report.status}\t`;
    if (report.errorType) line += `Error Type: ${report.errorType}\t`;
  }
  return `${line}\n`;
}

export function formatInitReport(
  format: LogFormat,
  time: Date,
  record: {
    durationMs: number;
    phase: 'init' | 'invoke';
    status: 'error' | 'timeout';
    errorType?: string;
    initializationType: InitializationType;
  },
): string {
  if (format === 'JSON') {
    const body: Record<string, unknown> = {
      initializationType: record.initializationType,
      phase: record.phase,
      status: record.status,
      metrics: { durationMs: round(record.durationMs, 3) },
    };
    if (record.errorType) body.errorType = record.errorType;
    return json(time, 'platform.initReport', body);
  }
  let line = `INIT_REPORT Init Duration: ${record.durationMs.toFixed(2)} ms\tPhase: ${record.phase}\tStatus: ${record.status}\t`;
  if (record.errorType) line += `Error Type: ${record.errorType}\t`;
  return `${line}\n`;
}

/** Space-separated, unlike console lines, as AWS writes it. */
export function formatTaskTimedOut(format: LogFormat, time: Date, requestId: string, timeoutSeconds: number): string | null {
  if (format === 'JSON') return null;
  return `${time.toISOString()} ${requestId} Task timed out after ${timeoutSeconds.toFixed(2)} seconds\n\n`;
}

/** `exitDescription` is Go's wording, as AWS prints it: `signal: killed`, `exit status 1`. */
export function formatRuntimeExit(format: LogFormat, requestId: string, exitDescription: string | null): string | null {
  if (format === 'JSON') return null;
  const reason = exitDescription === null ? 'Runtime exited without providing a reason' : `Runtime exited with error: ${exitDescription}`;
  return `RequestId: ${requestId} Error: ${reason}\nRuntime.ExitError`;
}

export function describeExit(code: number | null, signal: NodeJS.Signals | null): string | null {
  if (signal) return `signal: ${signalWording[signal] ?? signal.toLowerCase()}`;
  if (code !== null) return `exit status ${code}`;
  return null;
}

const signalWording: Partial<Record<NodeJS.Signals, string>> = {
  SIGKILL: 'killed',
  SIGABRT: 'aborted (core dumped)',
  SIGSEGV: 'segmentation fault (core dumped)',
  SIGTERM: 'terminated',
  SIGINT: 'interrupt',
};

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
