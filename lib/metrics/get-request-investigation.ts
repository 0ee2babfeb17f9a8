import type { PrismaClient } from '../db/create-prisma-client';
import { NotFoundError } from '../errors';
import { assignLogLines, type AttemptSpan, type LogLine } from './assign-log-lines';
import { describeOutcome } from './describe-outcome';

export type AttemptInvestigation = {
  /** 1 for the first attempt of the request in this function, 2 for its first retry … */
  number: number;
  status: string;
  startedAt: Date;
  /** The START line was never seen: the start is the REPORT's time minus the duration. */
  startedAtEstimated: boolean;
  endedAt: Date | null;
  durationMs: number | null;
  billedDurationMs: number | null;
  memorySizeMB: number | null;
  maxMemoryUsedMB: number | null;
  coldStart: boolean;
  initDurationMs: number | null;
  restoreDurationMs: number | null;
  initType: string | null;
  version: string | null;
  xrayTraceId: string | null;
  error: { type: string | null; message: string | null; stack: string | null } | null;
  /** Milliseconds from the previous attempt's end to this one's start; null for the first. */
  gapBeforeMs: number | null;
  logStreamName: string;
  logLines: LogLine[];
};

export type FunctionRequestInvestigation = {
  function: { id: number; name: string; arn: string; deleted: boolean; source: { id: number; name: string; region: string } };
  invocation: { attemptCount: number; finalStatus: string; outcome: string; firstStartAt: Date; lastEndAt: Date | null };
  attempts: AttemptInvestigation[];
  /** Lines with the request id that fit none of the attempts (a stream whose START and REPORT were never seen). */
  unassignedLogLines: LogLine[];
};

export type RequestInvestigation = { requestId: string; functions: FunctionRequestInvestigation[] };

/**
 * Everything known about one request id, per function that saw it: the invocation, each attempt
 * in start order with the gap before it, and each attempt's log lines. Reads attempts and raw
 * events directly (an investigation is about one request, not a dashboard). Throws NotFoundError
 * when no function logged the id.
 */
export async function getRequestInvestigation(prisma: PrismaClient, requestId: string): Promise<RequestInvestigation> {
  const attempts = await prisma.attempt.findMany({
    where: { requestId },
    orderBy: [{ functionId: 'asc' }, { startedAt: 'asc' }, { id: 'asc' }],
    include: { function: { include: { source: { select: { id: true, name: true, region: true } } } } },
  });
  if (attempts.length === 0) throw new NotFoundError(`No function has logged request ${requestId}`, 'requestId');
  const byFunction = new Map<number, typeof attempts>();
  for (const attempt of attempts) byFunction.set(attempt.functionId, [...(byFunction.get(attempt.functionId) ?? []), attempt]);
  const functionIds = [...byFunction.keys()];
  const streams = [...new Set(attempts.map((attempt) => attempt.logStreamName))];
  const earliest = Math.min(...attempts.map((attempt) => attempt.startedAt.getTime()));
  const latest = Math.max(...attempts.map((attempt) => (attempt.endedAt ?? attempt.startedAt).getTime() + attempt.function.timeoutSeconds * 1000));
  const [invocations, events] = await Promise.all([
    prisma.invocation.findMany({ where: { requestId, functionId: { in: functionIds } } }),
    prisma.rawEvent.findMany({
      where: {
        functionId: { in: functionIds },
        OR: [
          { requestId },
          // Lines without a request id (INIT_START, extensions) in the attempts' environments; assignLogLines narrows them.
          { requestId: null, logStreamName: { in: streams }, timestamp: { gte: new Date(earliest - 15_000), lte: new Date(latest) } },
        ],
      },
      orderBy: [{ timestamp: 'asc' }, { eventId: 'asc' }],
      select: { functionId: true, logStreamName: true, timestamp: true, kind: true, requestId: true, message: true },
    }),
  ]);

  const functions = [...byFunction].map(([functionId, own]): FunctionRequestInvestigation => {
    const first = own[0] as (typeof own)[number];
    const last = own[own.length - 1] as (typeof own)[number];
    const fn = first.function;
    const spans: AttemptSpan[] = own.map((attempt) => ({ ...attempt, timeoutSeconds: fn.timeoutSeconds }));
    const lines: LogLine[] = events
      .filter((event) => event.functionId === functionId)
      .map(({ timestamp, logStreamName, kind, requestId: lineRequestId, message }) => ({ timestamp, logStreamName, kind, requestId: lineRequestId, message }));
    const { perAttempt, unassigned } = assignLogLines(spans, lines);
    const stored = invocations.find((invocation) => invocation.functionId === functionId);
    const attemptCount = stored?.attemptCount ?? own.length;
    const finalStatus = stored?.finalStatus ?? last.status;
    return {
      function: { id: fn.id, name: fn.name, arn: fn.arn, deleted: fn.deletedAt !== null, source: fn.source },
      invocation: {
        attemptCount,
        finalStatus,
        outcome: describeOutcome({ attemptCount, finalStatus }, fn),
        firstStartAt: stored?.firstStartAt ?? first.startedAt,
        lastEndAt: stored?.lastEndAt ?? last.endedAt,
      },
      attempts: own.map((attempt, index) => {
        const previous = own[index - 1];
        const previousEnd = previous ? (previous.endedAt?.getTime() ?? endFromDuration(previous)) : undefined;
        return {
          number: index + 1,
          status: attempt.status,
          startedAt: attempt.startedAt,
          startedAtEstimated: attempt.startedAtEstimated,
          endedAt: attempt.endedAt,
          durationMs: attempt.durationMs,
          billedDurationMs: attempt.billedDurationMs,
          memorySizeMB: attempt.memorySizeMB,
          maxMemoryUsedMB: attempt.maxMemoryUsedMB,
          coldStart: attempt.coldStart,
          initDurationMs: attempt.initDurationMs,
          restoreDurationMs: attempt.restoreDurationMs,
          initType: attempt.initType,
          version: attempt.version,
          xrayTraceId: attempt.xrayTraceId,
          error:
            attempt.errorType === null && attempt.errorMessage === null && attempt.errorStack === null
              ? null
              : { type: attempt.errorType, message: attempt.errorMessage, stack: attempt.errorStack },
          gapBeforeMs: previousEnd === undefined ? null : Math.round(attempt.startedAt.getTime() - previousEnd),
          logStreamName: attempt.logStreamName,
          logLines: perAttempt[index] ?? [],
        };
      }),
      unassignedLogLines: unassigned,
    };
  });
  return { requestId, functions };
}

function endFromDuration(attempt: { startedAt: Date; durationMs: number | null }): number {
  return attempt.startedAt.getTime() + (attempt.durationMs ?? 0);
}
