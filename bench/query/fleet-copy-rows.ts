import { createSeededRandom } from '../ingest/seeded-random';
import { copyRow, copyValue, createCopyBuffer, createIsoFormatter } from './copy-text';
import type { FleetFunction } from './fleet-profiles';
import { generateFleetRequests, type FleetAttempt, type FleetTimeline } from './generate-fleet-requests';
import { createPeriodRollups, type PeriodRollup } from './period-rollups';

/** Where the rows that are not attempts go (scratch files, loaded once the attempts are in). */
export type RowSinks = Record<'invocations' | 'function_minutes' | 'function_hours' | 'function_metric_minutes', { push: (row: string) => void }>;

export type FleetStats = {
  attempts: number;
  /** Attempts by status. */
  statuses: Map<string, number>;
  coldStarts: number;
  /** Requests with more than one attempt. */
  retriedRequests: number;
};

/** A retried request's attempts start up to 2 × (timeout + 70 s) after its first: its minutes stay open that long. */
const OPEN_MINUTES_MS = 40 * 60_000;
const HOUR_MS = 3_600_000;

/**
 * The fleet's rows in COPY text: attempts (generateFleetRequests) as ~1 MB chunks for
 * `COPY attempts FROM STDIN`, and on the side, as they complete, one invocation per request
 * (refresh-invocations.ts's derivation), function_minutes and function_hours (period-rollups.ts) and, for functions
 * polled for CloudWatch metrics, function_metric_minutes. `stats` fills in as the chunks are read.
 */
export function createFleetCopyRows(
  fleet: readonly FleetFunction[],
  functionIds: readonly number[],
  timeline: FleetTimeline & { onProgress?: (message: string) => void },
  sinks: RowSinks,
): { attempts: AsyncGenerator<Buffer>; stats: FleetStats } {
  const stats: FleetStats = { attempts: 0, statuses: new Map(), coldStarts: 0, retriedRequests: 0 };
  const idOf = (fn: FleetFunction) => functionIds[fn.k - 1] as number;
  const byId = new Map(fleet.map((fn) => [idOf(fn), fn]));
  const metricsRandom = createSeededRandom(timeline.seed + 7);
  const minuteRollups = createPeriodRollups(60_000);
  const hourRollups = createPeriodRollups(HOUR_MS);
  /** Writes every minute starting before `ms`, and every hour ending by then. */
  const flushBefore = (ms: number) => {
    for (const minute of minuteRollups.flushBefore(ms)) {
      sinks.function_minutes.push(rollupRow(minute));
      const fn = byId.get(minute.functionId) as FleetFunction;
      if (fn.cloudWatchMetrics) sinks.function_metric_minutes.push(metricRow(fn, minute, metricsRandom.next(), metricsRandom.next()));
    }
    for (const hour of hourRollups.flushBefore(ms - HOUR_MS)) sinks.function_hours.push(rollupRow(hour));
  };

  async function* attempts(): AsyncGenerator<Buffer> {
    const buffer = createCopyBuffer();
    const texts = new Map(fleet.map((fn) => [fn.k, errorTexts(fn)]));
    let id = 0;
    let requests = 0;
    let started = performance.now();
    for (const request of generateFleetRequests(fleet, timeline)) {
      const functionId = idOf(request.fn);
      const fnTexts = texts.get(request.fn.k) as ErrorTexts;
      for (let index = 0; index < request.attempts.length; index += 1) {
        const attempt = request.attempts[index] as FleetAttempt;
        id += 1;
        buffer.push(attemptRow(id, functionId, request.fn, request.requestId, attempt, fnTexts));
        minuteRollups.add(functionId, request.fn.memorySizeMB, attempt, index > 0);
        hourRollups.add(functionId, request.fn.memorySizeMB, attempt, index > 0);
        stats.statuses.set(attempt.status, (stats.statuses.get(attempt.status) ?? 0) + 1);
        if (attempt.coldStart) stats.coldStarts += 1;
        if (id % 1_000_000 === 0) {
          timeline.onProgress?.(`  … ${id.toLocaleString('en-US')} attempts (${Math.round(1_000_000 / ((performance.now() - started) / 1000)).toLocaleString('en-US')}/s)`);
          started = performance.now();
        }
      }
      stats.attempts = id;
      if (request.attempts.length > 1) stats.retriedRequests += 1;
      sinks.invocations.push(invocationRow(functionId, request.requestId, request.attempts));
      requests += 1;
      if (requests % 20_000 === 0) flushBefore((request.attempts[0] as FleetAttempt).startedMs - OPEN_MINUTES_MS);
      if (buffer.full()) yield buffer.take() as Buffer;
    }
    flushBefore(Infinity);
    const last = buffer.take();
    if (last) yield last;
  }

  return { attempts: attempts(), stats };
}

/** Most rows fall in the minute of the one before: one formatter for attempts, one for the rest. */
const iso = createIsoFormatter();
const isoOther = createIsoFormatter();

function attemptRow(id: number, functionId: number, fn: FleetFunction, requestId: string, attempt: FleetAttempt, texts: ErrorTexts): string {
  const failure = attempt.status === 'success' ? NO_FAILURE : failureOf(attempt, texts, requestId);
  const init = attempt.initDurationMs === null ? '\\N' : attempt.initDurationMs;
  const cold = attempt.coldStart ? 't\ton-demand' : 'f\t\\N';
  // A template, not copyRow(): this runs once per attempt.
  return `${id}\t${functionId}\t${requestId}\t${attempt.logStreamName}\t${iso(attempt.startedMs)}\t${iso(attempt.endedMs)}\t${attempt.status}\t${fn.version}\t${attempt.durationMs}\t${attempt.billedDurationMs}\t${fn.memorySizeMB}\t${attempt.maxMemoryUsedMB}\t${init}\t${cold}\t${attempt.xrayTraceId ?? '\\N'}\t${failure}\n`;
}

/** invocations as refresh-invocations.ts derives them: count, first start, last end, the newest attempt's status. */
function invocationRow(functionId: number, requestId: string, attempts: readonly FleetAttempt[]): string {
  const first = attempts[0] as FleetAttempt;
  const last = attempts[attempts.length - 1] as FleetAttempt;
  let endedMs = first.endedMs;
  for (const attempt of attempts) endedMs = Math.max(endedMs, attempt.endedMs);
  return `${functionId}\t${requestId}\t${attempts.length}\t${iso(first.startedMs)}\t${iso(endedMs)}\t${last.status}\n`;
}

function rollupRow(rollup: PeriodRollup): string {
  return copyRow([
    String(rollup.functionId),
    isoOther(rollup.startMs),
    String(rollup.invocations),
    String(rollup.errors),
    String(rollup.timeouts),
    String(rollup.outOfMemory),
    String(rollup.coldStarts),
    String(rollup.retries),
    String(rollup.durationSumMs),
    String(rollup.billedGbSeconds),
    String(rollup.initDurationSumMs),
    String(rollup.maxMemoryUsedMB),
    rollup.durationHistogram,
  ]);
}

/** Throttles now and then (often under a reserved limit), and the concurrency the minute's durations imply. */
function metricRow(fn: FleetFunction, minute: PeriodRollup, draw: number, spread: number): string {
  const throttled = draw < (fn.reservedConcurrency === null ? 0.01 : 0.05);
  const concurrency = Math.min(fn.reservedConcurrency ?? 1000, Math.max(1, Math.ceil((minute.durationSumMs / 60_000) * (1.2 + spread))));
  return copyRow([String(minute.functionId), isoOther(minute.startMs), String(throttled ? 1 + Math.floor(spread * 40) : 0), String(concurrency)]);
}

type ErrorTexts = { type: string; message: string; stack: string; initType: string; initMessage: string; timeoutMessage: string };

const NO_FAILURE = '\\N\t\\N\t\\N';

/** error_type, error_message and error_stack, COPY-formatted. */
function failureOf(attempt: FleetAttempt, texts: ErrorTexts, requestId: string): string {
  switch (attempt.status) {
    case 'error':
      return `${texts.type}\t${texts.message}\t${texts.stack}`;
    case 'timeout':
      return `Sandbox.Timedout\t${texts.timeoutMessage}\t\\N`;
    case 'out_of_memory':
      return `Runtime.OutOfMemory\tRequestId: ${requestId} Error: Runtime exited with error: signal: killed\t\\N`;
    case 'crashed':
      return `Runtime.ExitError\tRequestId: ${requestId} Error: Runtime exited with error: exit status 1\t\\N`;
    case 'init_error':
      return `${texts.initType}\t${texts.initMessage}\t\\N`;
    default:
      return NO_FAILURE;
  }
}

/** What a function's failures say, in its runtime's words (COPY-escaped once). */
function errorTexts(fn: FleetFunction): ErrorTexts {
  const texts = (() => {
    switch (fn.family) {
      case 'python':
        return {
          type: 'KeyError',
          message: "'customer_id'",
          stack: 'Traceback (most recent call last):\n  File "/var/task/app.py", line 41, in handler\n    customer = event["customer_id"]',
          initType: 'Runtime.ImportModuleError',
          initMessage: "Unable to import module 'app': No module named 'requests'",
        };
      case 'java':
        return {
          type: 'java.lang.NullPointerException',
          message: 'Cannot invoke "String.length()" because "name" is null',
          stack: 'java.lang.NullPointerException: Cannot invoke "String.length()" because "name" is null\n\tat example.Handler.handleRequest(Handler.java:27)',
          initType: 'Runtime.ClassNotFound',
          initMessage: 'example.Handler',
        };
      case 'go':
        return { type: 'errorString', message: 'upstream returned 503', stack: null, initType: 'Runtime.InvalidEntrypoint', initMessage: 'fork/exec /var/task/bootstrap: no such file or directory' };
      default:
        return {
          type: 'Error',
          message: 'Request failed with status code 502',
          stack: 'Error: Request failed with status code 502\n    at handler (/var/task/index.mjs:42:11)\n    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
          initType: 'Runtime.ImportModuleError',
          initMessage: "Error: Cannot find module 'aws-sdk'",
        };
    }
  })();
  return {
    type: copyValue(texts.type),
    message: copyValue(texts.message),
    stack: copyValue(texts.stack),
    initType: copyValue(texts.initType),
    initMessage: copyValue(texts.initMessage),
    timeoutMessage: copyValue(`Task timed out after ${fn.timeoutSeconds.toFixed(2)} seconds`),
  };
}

