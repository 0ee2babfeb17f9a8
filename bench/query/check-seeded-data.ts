import type { PrismaClient } from '../../lib/db/create-prisma-client';
import { addSample, createHistogram } from '../../lib/histogram/duration-histogram';
import { encodeHistogramText } from '../../lib/histogram/encode-histogram';
import type { AttemptStatus } from '../../lib/ingest/attempt-fragment';
import { ROLLUP_TOTALS_SELECT, rollupTotalsOf, type RollupTotals, type RollupTotalsRow } from '../../lib/metrics/rollup-totals';
import { rollupDelta, type RollupDelta } from '../../lib/store/rollup-delta';

export type SeedCheck = { minutes: number; hours: number; attempts: number; invocations: number; problems: string[] };

type MinuteRow = Omit<RollupTotalsRow, 'histograms' | 'max_memory_used_mb'> & {
  function_id: number;
  minute: Date;
  max_memory_used_mb: number;
  duration_histogram: string;
};

type AttemptRow = {
  function_id: number;
  minute: Date;
  status: AttemptStatus;
  started_at: Date;
  duration_ms: number | null;
  billed_duration_ms: number | null;
  memory_size_mb: number | null;
  max_memory_used_mb: number | null;
  init_duration_ms: number | null;
  cold_start: boolean;
  is_retry: boolean;
};

/**
 * Holds a sample of the seeded rollups against the store's own arithmetic: for ~`sample` minutes
 * (random pages of function_minutes, plus the busiest minutes, whose histograms are widest) the
 * minute's attempts are read back and rolled up again with rollupDelta() and addSample() /
 * encodeHistogramText(), as lib/store/apply-rollup-deltas.ts does; every column must match
 * (sums to 1e-9). A sample of function_hours must equal its minutes regrouped, and invocations must
 * account for every attempt exactly once.
 */
export async function checkSeededData(prisma: PrismaClient, options: { sample: number; seed: number }): Promise<SeedCheck> {
  const problems: string[] = [];
  const minutes = await prisma.$queryRaw<MinuteRow[]>`
    (SELECT * FROM function_minutes TABLESAMPLE SYSTEM (1) REPEATABLE (${options.seed}) LIMIT ${options.sample})
    UNION
    (SELECT * FROM function_minutes ORDER BY invocations DESC LIMIT 20)`;
  const attempts = await prisma.$queryRaw<AttemptRow[]>`
    SELECT m.function_id, m.minute, a.status, a.started_at, a.duration_ms, a.billed_duration_ms, a.memory_size_mb, a.max_memory_used_mb,
           a.init_duration_ms, a.cold_start, a.started_at > i.first_start_at AS is_retry
      FROM unnest(${minutes.map((row) => row.function_id)}::int[], ${minutes.map((row) => row.minute)}::timestamptz[]) AS m(function_id, minute)
      JOIN attempts a ON a.function_id = m.function_id AND a.started_at >= m.minute AND a.started_at < m.minute + interval '1 minute'
      JOIN invocations i ON i.function_id = a.function_id AND i.request_id = a.request_id`;
  const byMinute = new Map<string, AttemptRow[]>();
  for (const attempt of attempts) {
    const key = `${attempt.function_id}@${attempt.minute.getTime()}`;
    byMinute.set(key, [...(byMinute.get(key) ?? []), attempt]);
  }
  for (const stored of minutes) {
    const key = `${stored.function_id}@${stored.minute.getTime()}`;
    const deltas = (byMinute.get(key) ?? [])
      .map((attempt) =>
        rollupDelta(
          null,
          {
            status: attempt.status,
            startedAt: attempt.started_at,
            durationMs: attempt.duration_ms,
            billedDurationMs: attempt.billed_duration_ms,
            memorySizeMB: attempt.memory_size_mb,
            maxMemoryUsedMB: attempt.max_memory_used_mb,
            initDurationMs: attempt.init_duration_ms,
            coldStart: attempt.cold_start,
          },
          attempt.is_retry,
        ),
      )
      .filter((delta): delta is RollupDelta => delta !== null);
    const sum = (pick: (delta: RollupDelta) => number) => deltas.reduce((total, delta) => total + pick(delta), 0);
    const histogram = createHistogram();
    for (const delta of deltas) for (const duration of delta.durations) addSample(histogram, duration);
    const expected = {
      invocations: sum((delta) => delta.invocations),
      errors: sum((delta) => delta.errors),
      timeouts: sum((delta) => delta.timeouts),
      out_of_memory: sum((delta) => delta.outOfMemory),
      cold_starts: sum((delta) => delta.coldStarts),
      retries: sum((delta) => delta.retries),
      duration_sum_ms: sum((delta) => delta.durationSumMs),
      billed_gb_seconds: sum((delta) => delta.billedGbSeconds),
      init_duration_sum_ms: sum((delta) => delta.initDurationSumMs),
      max_memory_used_mb: deltas.reduce((max, delta) => Math.max(max, delta.maxMemoryUsedMB), 0),
      duration_histogram: encodeHistogramText(histogram),
    };
    const actual = stored;
    for (const [column, value] of Object.entries(expected)) {
      const got = actual[column as keyof typeof actual];
      const same = typeof value === 'number' ? Math.abs(Number(got) - value) <= 1e-9 * Math.max(1, Math.abs(value)) : got === value;
      if (!same && problems.length < 10) problems.push(`function ${stored.function_id} ${stored.minute.toISOString()} ${column}: stored ${String(got)}, store's arithmetic ${String(value)}`);
    }
  }
  const hours = await checkHours(prisma, options, problems);
  const [totals] = await prisma.$queryRaw<Array<{ attempts: number; counted: number; invocations: number }>>`
    SELECT (SELECT count(*)::float8 FROM attempts) AS attempts, (SELECT sum(attempt_count)::float8 FROM invocations) AS counted,
           (SELECT count(*)::float8 FROM invocations) AS invocations`;
  if (totals && totals.attempts !== totals.counted) problems.push(`invocations count ${totals.counted} attempts, the table holds ${totals.attempts}`);
  return { minutes: minutes.length, hours, attempts: attempts.length, invocations: totals?.invocations ?? 0, problems };
}

/** A sample of hour rows against their minutes summed and merged again (ROLLUP_TOTALS_SELECT, as the read models do). */
async function checkHours(prisma: PrismaClient, options: { sample: number; seed: number }, problems: string[]): Promise<number> {
  type Row = RollupTotalsRow & { function_id: number; hour: Date };
  const stored = await prisma.$queryRaw<Row[]>`
    SELECT function_id, hour, invocations::float8, errors::float8, timeouts::float8, out_of_memory::float8, cold_starts::float8,
           retries::float8, duration_sum_ms, billed_gb_seconds, init_duration_sum_ms, max_memory_used_mb,
           duration_histogram AS histograms
      FROM function_hours TABLESAMPLE SYSTEM (10) REPEATABLE (${options.seed}) LIMIT ${options.sample}`;
  const regrouped = await prisma.$queryRaw<Row[]>`
    SELECT h.function_id, h.hour, ${ROLLUP_TOTALS_SELECT}
      FROM unnest(${stored.map((row) => row.function_id)}::int[], ${stored.map((row) => row.hour)}::timestamptz[]) AS h(function_id, hour)
      JOIN function_minutes m ON m.function_id = h.function_id AND m.minute >= h.hour AND m.minute < h.hour + interval '1 hour'
     GROUP BY 1, 2`;
  const fromMinutes = new Map(regrouped.map((row) => [`${row.function_id}@${row.hour.getTime()}`, row]));
  for (const row of stored) {
    const minutes = fromMinutes.get(`${row.function_id}@${row.hour.getTime()}`);
    const comparable = (totals: RollupTotals) => ({ ...totals, histogram: encodeHistogramText(totals.histogram) });
    const expected = minutes ? comparable(rollupTotalsOf(minutes)) : null;
    const actual = comparable(rollupTotalsOf(row));
    for (const [column, value] of Object.entries(actual)) {
      const want = expected?.[column as keyof typeof expected];
      const same = typeof value === 'number' ? Math.abs(Number(want) - value) <= 1e-9 * Math.max(1, Math.abs(value)) : want === value;
      if (!same && problems.length < 10) problems.push(`function ${row.function_id} hour ${row.hour.toISOString()} ${column}: stored ${String(value)}, its minutes ${String(want)}`);
    }
  }
  return stored.length;
}
