import type { AppRecord, LogRecord, ReportRecord } from '../lambda-logs/log-record';
import type { AttemptFragment, IngestEvent } from './attempt-fragment';
import { classifyAttempt, type AttemptEvidence } from './classify-attempt';

type Building = AttemptFragment & { evidence: AttemptEvidence; closed: boolean };

type StreamState = {
  /** INIT_START / RESTORE_START seen: the next START is a cold start of that kind. */
  pendingInit?: string;
  /** INIT_REPORT with an error: the next attempt fails with it. */
  pendingInitError?: { errorType?: string; status?: string };
  /** Every attempt of this stream in this batch, newest last. */
  attempts: Building[];
};

/**
 * Groups a batch of one log group's events into attempt fragments. Pure. Events of one stream are
 * taken in timestamp order (an environment runs one request at a time, so its lines never
 * interleave); lines that belong to no request (extensions, INIT output) only shape what follows.
 */
export function assembleAttempts(events: readonly IngestEvent[]): AttemptFragment[] {
  const streams = new Map<string, StreamState>();
  const ordered = [...events].sort((a, b) => a.timestamp - b.timestamp);
  for (const event of ordered) {
    let stream = streams.get(event.logStreamName);
    if (!stream) {
      stream = { attempts: [] };
      streams.set(event.logStreamName, stream);
    }
    apply(stream, event);
  }
  return [...streams.values()].flatMap((stream) => stream.attempts.map(finish));
}

function apply(stream: StreamState, event: IngestEvent): void {
  const record: LogRecord = event.record;
  switch (record.kind) {
    case 'init-start':
      stream.pendingInit = record.initializationType ?? 'on-demand';
      if (record.phase !== 'invoke') stream.pendingInitError = undefined;
      return;
    case 'restore-start':
      stream.pendingInit = 'snap-start';
      return;
    case 'init-report':
      if (record.status === 'error' || record.status === 'timeout') {
        stream.pendingInitError = {
          ...(record.errorType ? { errorType: record.errorType } : {}),
          status: record.status,
        };
      }
      return;
    case 'start': {
      const attempt: Building = {
        logStreamName: event.logStreamName,
        requestId: record.requestId,
        firstSeenAt: event.timestamp,
        startedAt: event.timestamp,
        status: 'running',
        closed: false,
        evidence: { timedOut: false, outOfMemoryMarker: false, functionError: false },
        ...(record.version ? { version: record.version } : {}),
        ...(record.xrayTraceId ? { xrayTraceId: record.xrayTraceId } : {}),
      };
      if (stream.pendingInit) {
        attempt.coldStart = true;
        attempt.initType = stream.pendingInit;
        stream.pendingInit = undefined;
      }
      if (stream.pendingInitError) {
        attempt.evidence.initError = stream.pendingInitError;
        stream.pendingInitError = undefined;
      }
      stream.attempts.push(attempt);
      return;
    }
    case 'report':
      applyReport(attemptFor(stream, event, record.requestId), record, event.timestamp);
      return;
    case 'timeout':
      // Written after the REPORT in AWS's captures: it may land on a closed attempt.
      attemptFor(stream, event, record.requestId, { includeClosed: true }).evidence.timedOut = true;
      return;
    case 'runtime-exit': {
      const attempt = record.requestId
        ? attemptFor(stream, event, record.requestId, { includeClosed: true })
        : openAttempt(stream);
      if (attempt) attempt.evidence.runtimeExit = { errorType: record.errorType, outOfMemory: record.outOfMemory };
      return;
    }
    case 'app': {
      // Python's [ERROR] lines carry no request id: they belong to the stream's running attempt.
      const attempt = record.requestId ? attemptFor(stream, event, record.requestId, { includeClosed: true }) : openAttempt(stream);
      if (attempt) applyAppLine(attempt, record);
      return;
    }
    default:
      return;
  }
}

function applyReport(attempt: Building, report: ReportRecord, timestamp: number): void {
  attempt.evidence.report = report;
  attempt.closed = true;
  attempt.endedAt = timestamp;
  for (const key of ['durationMs', 'billedDurationMs', 'memorySizeMB', 'maxMemoryUsedMB', 'initDurationMs', 'restoreDurationMs'] as const) {
    const value = report[key];
    if (value !== undefined) attempt[key] = value;
  }
  if (report.xrayTraceId) attempt.xrayTraceId = report.xrayTraceId;
  if (report.initDurationMs !== undefined || report.restoreDurationMs !== undefined) {
    attempt.coldStart = true;
    attempt.initType ??= report.restoreDurationMs !== undefined ? 'snap-start' : 'on-demand';
  }
  if (report.errorType) attempt.errorType ??= report.errorType;
}

function applyAppLine(attempt: Building, line: AppRecord): void {
  if (line.outOfMemory) attempt.evidence.outOfMemoryMarker = true;
  if (!line.errorType) return;
  attempt.evidence.functionError = true;
  attempt.errorType = line.errorType;
  if (line.errorMessage !== undefined) attempt.errorMessage = line.errorMessage;
  if (line.stackTrace) attempt.errorStack = line.stackTrace.join('\n');
}

/** The newest attempt of a request in this stream, or a continuation of one begun in an earlier batch. */
function attemptFor(stream: StreamState, event: IngestEvent, requestId: string, options: { includeClosed?: boolean } = {}): Building {
  for (let index = stream.attempts.length - 1; index >= 0; index -= 1) {
    const attempt = stream.attempts[index] as Building;
    if (attempt.requestId === requestId && (options.includeClosed || !attempt.closed)) return attempt;
  }
  const continuation: Building = {
    logStreamName: event.logStreamName,
    requestId,
    firstSeenAt: event.timestamp,
    status: 'running',
    closed: false,
    evidence: { timedOut: false, outOfMemoryMarker: false, functionError: false },
  };
  stream.attempts.push(continuation);
  return continuation;
}

function openAttempt(stream: StreamState): Building | undefined {
  const newest = stream.attempts[stream.attempts.length - 1];
  return newest && !newest.closed ? newest : undefined;
}

function finish(attempt: Building): AttemptFragment {
  const { evidence, closed: _closed, ...fragment } = attempt;
  const status = classifyAttempt(evidence);
  const result: AttemptFragment = { ...fragment, status };
  // A kill or a failed INIT names itself when the function did not.
  if (!result.errorType && status === 'out_of_memory') result.errorType = 'Runtime.OutOfMemory';
  if (!result.errorType && status === 'init_error' && evidence.initError?.errorType) result.errorType = evidence.initError.errorType;
  if (!result.errorType && status === 'crashed' && evidence.runtimeExit) result.errorType = evidence.runtimeExit.errorType;
  if (!result.errorType && status === 'timeout') result.errorType = 'Sandbox.Timedout';
  return result;
}
