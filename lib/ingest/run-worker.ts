import { runAlertingPass, type AlertingSettings } from '../alerts/run-alerting-pass';
import type { PrismaClient } from '../db/create-prisma-client';
import { deleteExpiredRows, type RetentionPolicy } from '../store/delete-expired-rows';
import { runIngestCycle, type CycleResult, type IngestSettings } from './run-ingest-cycle';

const RETENTION_INTERVAL_MS = 3_600_000;
/** How often a worker lists a source's functions again (new functions, configuration, deletions). */
const DISCOVERY_INTERVAL_MS = 60_000;

export type WorkerOptions = {
  /** This worker's name in leases: unique per process. */
  owner: string;
  settings: IngestSettings;
  intervalMs: number;
  signal: AbortSignal;
  /** Stop after one pass over every source. */
  once?: boolean;
  /** Deletes what outlived its retention, as the worker starts and then hourly. */
  retention?: RetentionPolicy;
  /** Judges alert rules and sends notifications after every cycle. */
  alerting?: AlertingSettings;
  log?: (line: string) => void;
};

/**
 * Polls every source, cycle after cycle, until aborted. A failing cycle (the database restarting,
 * a source unreachable) is logged and recorded on the source, and the next cycle tries again: the
 * worker recovers by itself, and checkpoints mean nothing is lost meanwhile.
 */
export async function runWorker(prisma: PrismaClient, options: WorkerOptions): Promise<void> {
  let lastRetention = 0;
  const lastDiscovery = new Map<number, number>();
  while (!options.signal.aborted) {
    if (options.retention && Date.now() - lastRetention >= RETENTION_INTERVAL_MS) {
      lastRetention = Date.now();
      try {
        const deleted = await deleteExpiredRows(prisma, { policy: options.retention, now: Date.now() });
        options.log?.(`retention: deleted ${deleted.rawEvents} raw events, ${deleted.attempts} attempts, ${deleted.invocations} invocations, ${deleted.minutes} rollup minutes, ${deleted.hours} rollup hours, ${deleted.alertHistory} alert events and notifications`);
      } catch (error) {
        options.log?.(`retention failed, retrying next hour: ${(error as Error).message}`);
      }
    }
    let sources: Array<{ id: number; name: string }> = [];
    try {
      // Push-only sources (kind 'firehose') have nothing to poll and no credentials to poll with.
      sources = await prisma.source.findMany({ where: { kind: { in: ['emulator', 'aws'] } }, select: { id: true, name: true }, orderBy: { id: 'asc' } });
    } catch (error) {
      options.log?.(`cannot list sources: ${(error as Error).message}`);
    }
    for (const source of sources) {
      if (options.signal.aborted) break;
      try {
        const discover = Date.now() - (lastDiscovery.get(source.id) ?? 0) >= DISCOVERY_INTERVAL_MS;
        const result = await runIngestCycle(prisma, { sourceId: source.id, owner: options.owner, settings: options.settings, discover, log: options.log });
        if (discover) lastDiscovery.set(source.id, Date.now());
        options.log?.(describeCycle(source.name, result));
        if (result.errors.length === 0) await prisma.source.update({ where: { id: source.id }, data: { lastError: null } });
      } catch (error) {
        const message = (error as Error).message;
        options.log?.(`${source.name}: cycle failed, retrying next cycle: ${message}`);
        await prisma.source.update({ where: { id: source.id }, data: { lastError: message } }).catch(() => undefined);
      }
    }
    if (options.alerting && !options.signal.aborted) await runAlertingPass(prisma, options.alerting, options.log);
    if (options.once) return;
    await sleep(options.intervalMs, options.signal);
  }
}

function describeCycle(source: string, result: CycleResult): string {
  const errors = result.errors.length > 0 ? `, ${result.errors.length} failing: ${result.errors.join('; ')}` : '';
  return `${source}: ${result.functions} functions, ${result.logGroups} log groups, ${result.inserted} new of ${result.events} events, ${result.metricMinutes} metric minutes${errors}`;
}

/** Waits `ms`, or less if aborted; the abort listener goes with the wait, so cycles never pile listeners up. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
