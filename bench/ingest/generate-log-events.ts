import {
  formatEnd,
  formatInitReport,
  formatInitStart,
  formatReport,
  formatRuntimeExit,
  formatStart,
  formatTaskTimedOut,
  type ReportMetrics,
} from '../../lib/emulator/runtime/platform-lines';
import { appError, appMessage, formatErrorLine, formatInfoLine, nodeHeapOutOfMemoryLine } from './app-lines';
import type { FunctionProfile } from './function-profiles';
import { createSeededRandom, type SeededRandom } from './seeded-random';

/** One event as FilterLogEvents returns it. */
export type CloudWatchEvent = { eventId: string; timestamp: number; logStreamName: string; message: string };

type Line = { timestamp: number; message: string };
type Stream = { name: string; lines: Line[]; next: number; clock: number; attemptsLeft: number; cold: boolean; alive: boolean };
type Retry = { requestId: string; dueAt: number; attempt: number };
type Outcome = 'success' | 'error' | 'timeout' | 'out_of_memory' | 'crash';

/**
 * A function's log group as FilterLogEvents pages it: every stream's events merged in timestamp
 * order. Lazy and bounded (one pending attempt per stream, a short retry queue), so memory does not
 * grow with the number of events drawn. Lines are those the emulator writes (platform-lines.ts for
 * the platform's, the bootstraps' formats for the function's) in the emulator's order.
 */
export function* generateLogEvents(
  profile: FunctionProfile,
  options: { seed: number; startMs: number; nextEventId: (timestamp: number) => string },
): Generator<CloudWatchEvent, never> {
  const random = createSeededRandom(options.seed);
  const retries: Retry[] = [];
  const streams: Stream[] = Array.from({ length: profile.concurrency }, () => newStream(random, options.startMs + random.int(0, 5_000)));
  for (;;) {
    let best: Stream | undefined;
    for (let index = 0; index < streams.length; index += 1) {
      let stream = streams[index] as Stream;
      if (stream.next >= stream.lines.length) {
        // Environments are recycled after a while, and killed by a timeout, a crash or an OOM.
        if (!stream.alive || stream.attemptsLeft <= 0) {
          stream = newStream(random, stream.clock + random.int(50, 30_000));
          streams[index] = stream;
        }
        stream.lines = writeAttempt(profile, random, stream, retries);
        stream.next = 0;
      }
      if (!best || (stream.lines[stream.next] as Line).timestamp < (best.lines[best.next] as Line).timestamp) best = stream;
    }
    const chosen = best as Stream;
    const line = chosen.lines[chosen.next] as Line;
    chosen.next += 1;
    yield { eventId: options.nextEventId(line.timestamp), timestamp: line.timestamp, logStreamName: chosen.name, message: line.message };
  }
}

function newStream(random: SeededRandom, at: number): Stream {
  const date = new Date(at).toISOString().slice(0, 10).replaceAll('-', '/');
  return { name: `${date}/[$LATEST]${random.hex(32)}`, lines: [], next: 0, clock: at, attemptsLeft: random.int(20, 400), cold: true, alive: true };
}

/** One attempt's lines (and the INIT before it on a cold start); advances the stream's clock. */
function writeAttempt(profile: FunctionProfile, random: SeededRandom, stream: Stream, retries: Retry[]): Line[] {
  const { logFormat: format, runtime } = profile;
  const lines: Line[] = [];
  const add = (timestamp: number, message: string | null) => {
    if (message !== null) lines.push({ timestamp, message });
  };
  let at = stream.clock + Math.round(random.logNormal(400, 1.2));
  const retry = retries[0] !== undefined && retries[0].dueAt <= at ? retries.shift() : undefined;
  const requestId = retry?.requestId ?? random.uuid();
  const attempt = retry?.attempt ?? 1;
  stream.attemptsLeft -= 1;

  let initDurationMs: number | undefined;
  if (stream.cold) {
    stream.cold = false;
    initDurationMs = random.logNormal(runtime === 'node' ? 180 : 260, 0.4);
    add(at, formatInitStart(format, new Date(at), {
      runtimeVersion: profile.runtimeVersion,
      runtimeVersionArn: `arn:aws:lambda:us-east-1::runtime:${random.hex(64)}`,
      functionName: profile.name,
      functionVersion: '$LATEST',
      initializationType: 'on-demand',
    }));
    at += Math.ceil(initDurationMs);
    if (random.chance(profile.rates.initError)) {
      // As the emulator reports a failed INIT: INIT_REPORT, then START, END and a 0 ms REPORT.
      add(at, formatInitReport(format, new Date(at), { durationMs: initDurationMs, phase: 'init', status: 'error', errorType: 'Runtime.ExitError', initializationType: 'on-demand' }));
      add(at, formatStart(format, new Date(at), requestId, '$LATEST'));
      add(at, formatEnd(format, requestId));
      add(at, formatReport(format, new Date(at), { requestId, durationMs: 0, billedDurationMs: 0, memorySizeMB: profile.memorySizeMB, maxMemoryUsedMB: 30, status: 'error', errorType: 'Runtime.ExitError' }));
      stream.alive = false;
      stream.clock = at;
      scheduleRetry(profile, random, retries, requestId, attempt, at);
      return lines;
    }
  }

  const outcome = drawOutcome(profile, random, attempt);
  const limitMs = profile.timeoutSeconds * 1000;
  const durationMs = outcome === 'timeout' ? limitMs + random.next() * 5 : Math.min(random.logNormal(profile.medianDurationMs, 0.9), limitMs - 1);
  const end = at + Math.ceil(durationMs);
  add(at, formatStart(format, new Date(at), requestId, '$LATEST'));
  const appLines = random.int(profile.appLines.min, profile.appLines.max);
  for (let index = 1; index <= appLines; index += 1) {
    const time = at + Math.floor((durationMs * index) / (appLines + 1));
    add(time, formatInfoLine(runtime, format, time, requestId, appMessage(random)));
  }
  const report: ReportMetrics = {
    requestId,
    durationMs,
    billedDurationMs: Math.min(Math.ceil(durationMs), limitMs) + Math.ceil(initDurationMs ?? 0),
    memorySizeMB: profile.memorySizeMB,
    maxMemoryUsedMB: Math.min(profile.memorySizeMB - 1, (runtime === 'node' ? 70 : 45) + random.int(0, 60)),
    status: 'success',
    ...(initDurationMs === undefined ? {} : { initDurationMs }),
  };
  switch (outcome) {
    case 'success':
      add(end, formatEnd(format, requestId));
      break;
    case 'error':
      add(end, formatErrorLine(runtime, format, end, requestId, appError(runtime, random)));
      add(end, formatEnd(format, requestId));
      report.status = 'failure';
      break;
    case 'timeout':
      // The emulator's order: END, REPORT, then the timeout line, all in the same millisecond.
      add(end, formatEnd(format, requestId));
      add(end, formatReport(format, new Date(end), { ...report, status: 'timeout' }));
      add(end, formatTaskTimedOut(format, new Date(end), requestId, profile.timeoutSeconds));
      break;
    case 'out_of_memory':
    case 'crash':
      if (outcome === 'out_of_memory' && runtime === 'node') add(end, nodeHeapOutOfMemoryLine);
      add(end, formatRuntimeExit(format, requestId, outcome === 'out_of_memory' ? 'signal: killed' : 'exit status 1'));
      add(end, formatEnd(format, requestId));
      report.status = 'error';
      report.errorType = outcome === 'out_of_memory' ? 'Runtime.OutOfMemory' : 'Runtime.ExitError';
      if (outcome === 'out_of_memory') report.maxMemoryUsedMB = profile.memorySizeMB;
      break;
  }
  if (outcome !== 'timeout') add(end, formatReport(format, new Date(end), report));
  stream.clock = end;
  if (outcome === 'timeout' || outcome === 'out_of_memory' || outcome === 'crash') stream.alive = false;
  if (outcome !== 'success') scheduleRetry(profile, random, retries, requestId, attempt, end);
  return lines;
}

function drawOutcome(profile: FunctionProfile, random: SeededRandom, attempt: number): Outcome {
  // A retry meets the same bug half the time.
  if (attempt > 1) return random.chance(0.5) ? 'error' : 'success';
  const { rates } = profile;
  const roll = random.next();
  if (roll < rates.timeout) return 'timeout';
  if (roll < rates.timeout + rates.outOfMemory) return 'out_of_memory';
  if (roll < rates.timeout + rates.outOfMemory + rates.crash) return 'crash';
  if (roll < rates.timeout + rates.outOfMemory + rates.crash + rates.error) return 'error';
  return 'success';
}

/** Lambda retries a failed asynchronous invocation twice, about 1 and 2 minutes later, under the same request id. */
function scheduleRetry(profile: FunctionProfile, random: SeededRandom, retries: Retry[], requestId: string, attempt: number, at: number): void {
  if (!profile.async || attempt >= 3) return;
  const retry = { requestId, attempt: attempt + 1, dueAt: at + attempt * 60_000 + random.int(0, 5_000) };
  let index = retries.length;
  while (index > 0 && (retries[index - 1] as Retry).dueAt > retry.dueAt) index -= 1;
  retries.splice(index, 0, retry);
}
