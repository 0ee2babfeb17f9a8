import type { PrismaClient } from '../db/create-prisma-client';
import { bucketValue, type DurationHistogram } from '../histogram/duration-histogram';
import { mergeHistogramText } from '../histogram/merge-histogram-text';
import { NotFoundError } from '../errors';
import { addRollupCounts, emptyRollupCounts, type RollupCounts } from '../store/rollup-counts';
import { breaches, signalValue, type FunctionFacts, type WindowFacts } from './alert-signals';
import type { AlertRuleInput } from './alert-rule-input';
import { initialAlertState, stepAlertState, type AlertNotification, type AlertStateName } from './step-alert-state';

export type RulePreview = {
  points: Array<{ at: string; value: number | null; breaching: boolean; state: AlertStateName }>;
  changes: Array<{ at: string; from: AlertStateName; to: AlertStateName; value: number | null }>;
  notifications: Array<{ at: string; kind: AlertNotification }>;
};

type MinuteRow = RollupCounts & { minute: Date; histogram: string; throttles: number | null; concurrency: number | null };

const MINUTE_MS = 60_000;

/**
 * What a rule (saved or not) would have done to one function over the last `hours`: its signal
 * judged every minute, the states it would have passed through and the notifications it would
 * have sent, from the same signalValue and stepAlertState the worker uses (silences aside). The
 * windows slide over the function's minute rollups read once: each minute is added as it enters a
 * window and taken away as it leaves, histograms included.
 */
export async function previewAlertRule(prisma: PrismaClient, rule: AlertRuleInput, options: { functionId: number; now: Date; hours?: number }): Promise<RulePreview> {
  const endMs = Math.floor(options.now.getTime() / MINUTE_MS) * MINUTE_MS;
  const startMs = endMs - (options.hours ?? 24) * 60 * MINUTE_MS;
  const windowMs = rule.windowMinutes * MINUTE_MS;
  const readFrom = new Date(startMs - windowMs);
  const [fn] = await prisma.$queryRaw<Array<{ architecture: string; region: string; reserved_concurrency: number | null }>>`
    SELECT f.architecture, s.region, f.reserved_concurrency FROM functions f JOIN sources s ON s.id = f.source_id WHERE f.id = ${options.functionId}`;
  if (!fn) throw new NotFoundError(`No function with id ${options.functionId}`, 'functionId');
  const facts: FunctionFacts = { architecture: fn.architecture, region: fn.region, reservedConcurrency: fn.reserved_concurrency };
  const [minutes, inits, exhausted] = await Promise.all([
    prisma.$queryRaw<Array<Omit<MinuteRow, keyof RollupCounts> & Record<string, number | Date | string | null>>>`
      SELECT COALESCE(m.minute, c.minute) AS minute, m.invocations, m.errors, m.timeouts, m.out_of_memory, m.cold_starts, m.retries, m.duration_sum_ms,
             m.billed_gb_seconds, m.init_duration_sum_ms, m.max_memory_used_mb, m.duration_histogram AS histogram, c.throttles, c.concurrent_executions AS concurrency
        FROM (SELECT * FROM function_minutes WHERE function_id = ${options.functionId} AND minute >= ${readFrom} AND minute < ${new Date(endMs)}) m
        FULL JOIN (SELECT * FROM function_metric_minutes WHERE function_id = ${options.functionId} AND minute >= ${readFrom} AND minute < ${new Date(endMs)}) c
          ON c.minute = m.minute
       ORDER BY 1`,
    rule.signal === 'init_duration_p95'
      ? prisma.$queryRaw<Array<{ started_at: Date; init_duration_ms: number }>>`
          SELECT started_at, init_duration_ms FROM attempts
           WHERE function_id = ${options.functionId} AND started_at >= ${readFrom} AND started_at < ${new Date(endMs)} AND init_duration_ms IS NOT NULL`
      : Promise.resolve([]),
    rule.signal === 'exhausted_retries'
      ? prisma.$queryRaw<Array<{ last_end_at: Date }>>`
          SELECT i.last_end_at FROM invocations i JOIN functions f ON f.id = i.function_id
           WHERE i.function_id = ${options.functionId} AND i.last_end_at >= ${readFrom} AND i.last_end_at < ${new Date(endMs)}
             AND i.first_start_at >= ${new Date(readFrom.getTime() - 7 * 3_600_000)}
             AND i.final_status NOT IN ('success', 'running') AND i.attempt_count >= COALESCE(f.max_retry_attempts, 2) + 1`
      : Promise.resolve([]),
  ]);
  const rows = minutes.map((row) => ({
    minuteMs: (row.minute as Date).getTime(),
    counts: {
      invocations: Number(row.invocations ?? 0),
      errors: Number(row.errors ?? 0),
      timeouts: Number(row.timeouts ?? 0),
      outOfMemory: Number(row.out_of_memory ?? 0),
      coldStarts: Number(row.cold_starts ?? 0),
      retries: Number(row.retries ?? 0),
      durationSumMs: Number(row.duration_sum_ms ?? 0),
      billedGbSeconds: Number(row.billed_gb_seconds ?? 0),
      initDurationSumMs: Number(row.init_duration_sum_ms ?? 0),
      maxMemoryUsedMB: Number(row.max_memory_used_mb ?? 0),
    },
    histogram: typeof row.histogram === 'string' ? mergeHistogramText(row.histogram) : null,
    throttles: row.throttles === null ? null : Number(row.throttles),
    concurrency: row.concurrency === null ? null : Number(row.concurrency),
  }));

  // Sorted by time, read through sliding windows like the minutes: cost grows with the rows, not rows × minutes.
  const initTimes = inits.map((init) => ({ at: init.started_at.getTime(), ms: init.init_duration_ms })).sort((a, b) => a.at - b.at);
  const exhaustedTimes = exhausted.map((event) => event.last_end_at.getTime()).sort((a, b) => a - b);
  let initsFrom = 0;
  let initsTo = 0;
  let exhaustedFrom = 0;
  let exhaustedTo = 0;
  const preview: RulePreview = { points: [], changes: [], notifications: [] };
  const window = createSlidingWindow();
  let entered = 0;
  let left = 0;
  let state = initialAlertState(new Date(startMs));
  for (let end = startMs + MINUTE_MS; end <= endMs; end += MINUTE_MS) {
    while (entered < rows.length && (rows[entered]?.minuteMs ?? Infinity) < end) window.add(rows[entered++] as (typeof rows)[number]);
    while (left < entered && (rows[left]?.minuteMs ?? Infinity) < end - windowMs) window.remove(rows[left++] as (typeof rows)[number]);
    while (initsTo < initTimes.length && (initTimes[initsTo]?.at ?? Infinity) < end) initsTo += 1;
    while (initsFrom < initsTo && (initTimes[initsFrom]?.at ?? Infinity) < end - windowMs) initsFrom += 1;
    while (exhaustedTo < exhaustedTimes.length && (exhaustedTimes[exhaustedTo] ?? Infinity) < end) exhaustedTo += 1;
    while (exhaustedFrom < exhaustedTo && (exhaustedTimes[exhaustedFrom] ?? Infinity) < end - windowMs) exhaustedFrom += 1;
    const windowFacts: WindowFacts = {
      totals: window.totals(),
      throttles: window.throttles,
      maxConcurrency: maxOf(rows.slice(left, entered).map((row) => row.concurrency)),
      initDurationP95: rule.signal === 'init_duration_p95' ? percentileOf(initTimes.slice(initsFrom, initsTo).map((init) => init.ms), 95) : null,
      exhaustedRetries: exhaustedTo - exhaustedFrom,
    };
    const value = signalValue(rule.signal, windowFacts, facts, rule.windowMinutes);
    const breaching = breaches(value, rule.comparison, rule.threshold);
    const at = new Date(end);
    const step = stepAlertState(state, { at, value, breaching, forMinutes: rule.forMinutes, repeatMinutes: rule.repeatMinutes, quiet: false });
    state = step.next;
    preview.points.push({ at: at.toISOString(), value, breaching, state: state.state });
    if (step.change) preview.changes.push({ at: at.toISOString(), ...step.change, value });
    if (step.notify) preview.notifications.push({ at: at.toISOString(), kind: step.notify });
  }
  return preview;
}

type WindowRow = { counts: RollupCounts; histogram: DurationHistogram | null; throttles: number | null };

/** Sums and a histogram over the minutes in a window, updated as minutes enter and leave it. */
function createSlidingWindow() {
  const counts = emptyRollupCounts();
  const buckets = new Map<number, number>();
  let zeroCount = 0;
  const memory: number[] = [];
  const sliding = {
    throttles: 0,
    add(row: WindowRow) {
      addRollupCounts(counts, row.counts);
      memory.push(row.counts.maxMemoryUsedMB);
      sliding.throttles += row.throttles ?? 0;
      if (row.histogram) {
        zeroCount += row.histogram.zeroCount;
        for (const [index, count] of row.histogram.buckets) buckets.set(index, (buckets.get(index) ?? 0) + count);
      }
    },
    remove(row: WindowRow) {
      const { maxMemoryUsedMB: _peak, ...leaving } = row.counts;
      for (const key of Object.keys(leaving) as Array<keyof typeof leaving>) counts[key] -= leaving[key];
      // Minutes leave in the order they entered.
      memory.shift();
      counts.maxMemoryUsedMB = Math.max(0, ...memory);
      sliding.throttles -= row.throttles ?? 0;
      if (row.histogram) {
        zeroCount -= row.histogram.zeroCount;
        for (const [index, count] of row.histogram.buckets) {
          const left = (buckets.get(index) ?? 0) - count;
          if (left > 0) buckets.set(index, left);
          else buckets.delete(index);
        }
      }
    },
    totals() {
      const indexes = [...buckets.keys()];
      const count = zeroCount + [...buckets.values()].reduce((sum, value) => sum + value, 0);
      const histogram: DurationHistogram = {
        count,
        sum: counts.durationSumMs,
        zeroCount,
        buckets,
        min: zeroCount > 0 ? 0 : indexes.length > 0 ? bucketValue(Math.min(...indexes)) : Infinity,
        max: indexes.length > 0 ? bucketValue(Math.max(...indexes)) : zeroCount > 0 ? 0 : -Infinity,
      };
      return { ...counts, histogram };
    },
  };
  return sliding;
}

function maxOf(values: ReadonlyArray<number | null>): number | null {
  const known = values.filter((value): value is number => value !== null);
  return known.length === 0 ? null : Math.max(...known);
}

/** A continuous percentile, as PostgreSQL's percentile_cont computes it for the worker; null for none. */
function percentileOf(values: number[], percentile: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (percentile / 100) * (sorted.length - 1);
  const below = sorted[Math.floor(position)] as number;
  const above = sorted[Math.ceil(position)] as number;
  return below + (above - below) * (position - Math.floor(position));
}
