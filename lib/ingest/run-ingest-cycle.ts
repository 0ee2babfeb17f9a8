import type { PrismaClient } from '../db/create-prisma-client';
import { describeBackfill, summariseBackfill } from './backfill-progress';
import { clientsForSource } from './clients-for-source';
import { discoverFunctions, type DiscoveryResult } from './discover-functions';
import { leaseNextLogGroup, releaseLogGroup, releaseOwnLeases, renewLease } from './lease-log-group';
import { pollFunctionMetrics } from './poll-function-metrics';
import { pollLogGroup, type PolledPage } from './poll-log-group';
import { takeRateLimitSlot } from './take-rate-limit-slot';

export type IngestSettings = {
  /** How far back a new log group is read the first time (24 h by default). */
  backfillMs: number;
  /** How far behind the checkpoint each poll re-reads, for late-arriving events. */
  overlapMs: number;
  leaseMs: number;
  /** How many minutes of CloudWatch metrics each cycle re-reads. */
  metricsLookbackMs: number;
  /** Log groups polled at once by this worker. */
  parallelism: number;
  /** FilterLogEvents calls per second for the source, shared by every worker. */
  logsCallsPerSecond: number;
};

export type CycleResult = DiscoveryResult & { logGroups: number; events: number; inserted: number; metricMinutes: number; errors: string[] };

/**
 * One pass over a source: discover its functions, poll every log group no other worker holds
 * (each once), then its throttle and concurrency metrics. A failing log group is recorded and
 * released; the others go on.
 */
export async function runIngestCycle(
  prisma: PrismaClient,
  options: {
    sourceId: number;
    owner: string;
    settings: IngestSettings;
    now?: () => number;
    /** Discovery lists every function and asks each for its concurrency: a worker does it now and then, not every cycle. */
    discover?: boolean;
    /** Backfill progress lines, at most one per log group every few seconds. */
    log?: (line: string) => void;
  },
): Promise<CycleResult> {
  const now = options.now ?? Date.now;
  const source = await prisma.source.findUniqueOrThrow({ where: { id: options.sourceId } });
  await releaseOwnLeases(prisma, { sourceId: source.id, owner: options.owner });
  const clients = clientsForSource(source);
  const discovery: DiscoveryResult =
    options.discover === false
      ? { functions: 0, markedDeleted: 0, newLogGroups: 0 }
      : await discoverFunctions(prisma, { sourceId: source.id, lambda: clients.lambda, now: now(), backfillMs: options.settings.backfillMs });
  const functions = await prisma.lambdaFunction.findMany({ where: { sourceId: source.id }, select: { id: true, name: true, deletedAt: true } });
  if (options.discover === false) discovery.functions = functions.filter((fn) => fn.deletedAt === null).length;
  const functionIds = new Map(functions.map((fn) => [fn.name, fn.id]));
  const result: CycleResult = { ...discovery, logGroups: 0, events: 0, inserted: 0, metricMinutes: 0, errors: [] };
  const cycleStart = new Date(now());
  const beforeCall = async () => {
    await takeRateLimitSlot(prisma, { key: `FilterLogEvents:source:${source.id}`, perSecond: options.settings.logsCallsPerSecond });
  };
  const reportBackfill = backfillReporter(options.log, now);
  // A few lanes, each leasing the next free group until none is left for this cycle.
  const lane = async () => {
    for (;;) {
      const group = await leaseNextLogGroup(prisma, { sourceId: source.id, owner: options.owner, leaseMs: options.settings.leaseMs, polledBefore: cycleStart });
      if (!group) return;
      try {
        const polled = await pollLogGroup(prisma, {
          sourceId: source.id,
          logs: clients.logs,
          group,
          functionIds,
          overlapMs: options.settings.overlapMs,
          now: now(),
          beforeCall,
          renewLease: () => renewLease(prisma, { id: group.id, owner: options.owner, leaseMs: options.settings.leaseMs }),
          onPage: reportBackfill,
        });
        result.logGroups += 1;
        result.events += polled.events;
        result.inserted += polled.inserted;
        await releaseLogGroup(prisma, { id: group.id, owner: options.owner });
      } catch (error) {
        const message = `${group.logGroupName}: ${(error as Error).message}`;
        result.errors.push(message);
        // Stamped as polled, so one failing group cannot hold the rest of the cycle.
        await prisma.logGroupState.update({ where: { id: group.id }, data: { lastPolledAt: new Date() } });
        await releaseLogGroup(prisma, { id: group.id, owner: options.owner, error: message });
      }
    }
  };
  await Promise.all(Array.from({ length: options.settings.parallelism }, lane));
  const end = now();
  result.metricMinutes = await pollFunctionMetrics(prisma, {
    cloudwatch: clients.cloudwatch,
    functions: functions.filter((fn) => fn.deletedAt === null),
    startTime: new Date(end - options.settings.metricsLookbackMs),
    endTime: new Date(end + 60_000),
  });
  return result;
}

const BACKFILL_REPORT_INTERVAL_MS = 5_000;

/** Logs a backfilling group's progress after a page: every few seconds, and once as it finishes. */
function backfillReporter(log: ((line: string) => void) | undefined, now: () => number): ((page: PolledPage) => void) | undefined {
  if (!log) return undefined;
  const lastReport = new Map<number, number>();
  return ({ group, checkpointMs, inserted }) => {
    if (group.backfillDone || group.backfillEndMs === null) return;
    const finished = checkpointMs >= Number(group.backfillEndMs);
    const at = now();
    if (!finished && at - (lastReport.get(group.id) ?? 0) < BACKFILL_REPORT_INTERVAL_MS) return;
    lastReport.set(group.id, at);
    const progress = summariseBackfill(
      [{ ...group, checkpointMs: BigInt(checkpointMs), eventsIngested: group.eventsIngested + BigInt(inserted), backfillDone: finished }],
      at,
    );
    log(`${group.logGroupName}: ${describeBackfill(progress)}`);
  };
}
