/**
 * npm run bench:alerts — one alert evaluation cycle over 1,000 rules on 500 functions with 30 days
 * of minute and hour rollups, beside the cycle of 1, 10 and 100 of the same rules: the cost per
 * rule shows how a cycle grows. Target: a 1,000-rule cycle under 1 s.
 *
 *   --rules 1000 --functions 500 --days 30 --cycles 20 --admin-url postgresql://postgres@127.0.0.1:5432/postgres
 *
 * Rollups are synthetic (SQL generate_series; every tenth function busy every minute, the rest in
 * about one minute of twenty), which is all evaluation reads. Each measured cycle judges one new
 * minute for every rule, as the worker does once caught up.
 */
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { alertSignals, comparisons } from '../lib/alerts/alert-signals';
import { evaluateAlertRules } from '../lib/alerts/evaluate-alert-rules';
import { createPrismaClient } from '../lib/db/create-prisma-client';
import { createBenchDatabase } from './ingest/bench-database';
import { createSeededRandom } from './ingest/seeded-random';
import { percentileOf } from './query/time-runs';

const { values } = parseArgs({
  options: {
    rules: { type: 'string', default: '1000' },
    functions: { type: 'string', default: '500' },
    days: { type: 'string', default: '30' },
    cycles: { type: 'string', default: '20' },
    'admin-url': { type: 'string', default: 'postgresql://postgres@127.0.0.1:5432/postgres' },
  },
});
const RULES = Number(values.rules);
const FUNCTIONS = Number(values.functions);
const DAYS = Number(values.days);
const CYCLES = Number(values.cycles);
const MINUTE = 60_000;
const TARGET_MS = 1_000;

// The data ends an hour past "now": every measured cycle finds its minute complete.
const nowMs = Math.floor(Date.now() / MINUTE) * MINUTE;
const endMs = nowMs + 60 * MINUTE;
const startMs = nowMs - DAYS * 86_400_000;

const database = await createBenchDatabase(values['admin-url']);
try {
  console.log(`bench:alerts — ${RULES.toLocaleString('en-US')} rules over ${FUNCTIONS} functions with ${DAYS} days of rollups (${cpus().length} cores, load ${loadavg().map((load) => load.toFixed(1)).join(' ')})`);
  const seeded = await seed(database.url);
  console.log(`seeded in ${(seeded.seconds).toFixed(1)} s: ${seeded.minutes.toLocaleString('en-US')} function_minutes, ${seeded.hours.toLocaleString('en-US')} function_hours`);
  const prisma = createPrismaClient(database.url);
  try {
    const random = createSeededRandom(7);
    const functionIds = (await prisma.lambdaFunction.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((fn) => fn.id);
    const windows = [1, 5, 5, 15, 60, 1_440];
    let created = 0;
    let minute = nowMs;
    const rows: Array<{ rules: number; p50: number; p95: number; steps: number }> = [];
    for (const size of [1, 10, 100, RULES].filter((size, index, sizes) => size <= RULES && sizes.indexOf(size) === index)) {
      // 70 % one function, 20 % a name pattern (a tenth of the fleet), 10 % every function.
      const batch = Array.from({ length: size - created }, (_, index) => {
        const draw = random.next();
        const scope = draw < 0.7 ? 'function' : draw < 0.9 ? 'pattern' : 'all';
        const signal = alertSignals[(created + index) % alertSignals.length] as string;
        return {
          name: `rule ${created + index + 1}`,
          scope,
          functionId: scope === 'function' ? random.pick(functionIds) : null,
          pattern: scope === 'pattern' ? `fleet-${Math.floor(random.next() * 10)}*` : null,
          signal,
          comparison: comparisons[(created + index) % 2] as string,
          threshold: signal.endsWith('rate') || signal === 'concurrency_used' ? 5 : signal.includes('duration') ? 800 : 10,
          windowMinutes: random.pick(windows),
          forMinutes: random.pick([0, 0, 2, 5]),
        };
      });
      if (batch.length > 0) await prisma.alertRule.createMany({ data: batch });
      created = size;
      // The new rules' first cycle starts them at this minute; then the timed cycles, a minute apart.
      await evaluateAlertRules(prisma, { now: new Date(minute), appUrl: 'http://bench' });
      const samples: number[] = [];
      let steps = 0;
      for (let cycle = 0; cycle < CYCLES; cycle += 1) {
        minute += MINUTE;
        const started = performance.now();
        const result = await evaluateAlertRules(prisma, { now: new Date(minute), appUrl: 'http://bench' });
        samples.push(performance.now() - started);
        steps = result.steps;
      }
      rows.push({ rules: size, p50: percentileOf(samples, 50), p95: percentileOf(samples, 95), steps });
    }
    const one = rows[0] as (typeof rows)[number];
    console.log(`\none evaluation cycle (${CYCLES} timed, each judging one new minute per rule and function in scope):`);
    console.log(`${'rules'.padStart(6)}  ${'alerts judged'.padStart(13)}  ${'p50'.padStart(9)}  ${'p95'.padStart(9)}  ${'per rule'.padStart(9)}  ${'vs rules × one rule'.padStart(20)}`);
    for (const row of rows) {
      const linear = one.p50 * row.rules;
      console.log(
        `${String(row.rules).padStart(6)}  ${row.steps.toLocaleString('en-US').padStart(13)}  ${row.p50.toFixed(1).padStart(6)} ms  ${row.p95.toFixed(1).padStart(6)} ms  ${(row.p50 / row.rules).toFixed(2).padStart(6)} ms  ${`${((100 * row.p50) / linear).toFixed(1)} %`.padStart(20)}`,
      );
    }
    const full = rows[rows.length - 1] as (typeof rows)[number];
    console.log(`\n${full.rules.toLocaleString('en-US')} rules: p95 ${full.p95.toFixed(0)} ms (target < ${TARGET_MS} ms ${full.p95 < TARGET_MS ? '✓' : '✗'}); one rule alone ${one.p50.toFixed(1)} ms`);
  } finally {
    await prisma.$disconnect();
  }
} finally {
  await database.drop();
}

async function seed(url: string): Promise<{ seconds: number; minutes: number; hours: number }> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SET synchronous_commit = off; SET TimeZone = 'UTC'`);
    const { rows } = await client.query<{ id: number }>(`INSERT INTO sources (name, kind, region, updated_at) VALUES ('bench', 'aws', 'us-east-1', now()) RETURNING id`);
    const sourceId = (rows[0] as { id: number }).id;
    await client.query(
      `INSERT INTO functions (source_id, name, arn, memory_size_mb, timeout_seconds, architecture, reserved_concurrency, log_group_name, updated_at)
       SELECT $1, 'fleet-' || lpad(i::text, 3, '0'), 'arn:aws:lambda:us-east-1:123456789012:function:fleet-' || i, 512, 30,
              CASE WHEN i % 3 = 0 THEN 'arm64' ELSE 'x86_64' END, CASE WHEN i % 7 = 0 THEN 50 END, '/aws/lambda/fleet-' || lpad(i::text, 3, '0'), now()
         FROM generate_series(1, $2::int) i`,
      [sourceId, FUNCTIONS],
    );
    await client.query(
      `INSERT INTO log_group_states (source_id, log_group_name, checkpoint_ms, backfill_start_ms, backfill_done)
       SELECT source_id, log_group_name, $2::bigint, $3::bigint, true FROM functions WHERE source_id = $1`,
      [sourceId, endMs + 60 * MINUTE, startMs],
    );
    // Pseudo-random per row from a hash of its key (random() in a join is not always drawn per row): repeatable too.
    const minutes = await client.query(
      `INSERT INTO function_minutes (function_id, minute, invocations, errors, timeouts, cold_starts, retries, duration_sum_ms, billed_gb_seconds,
                                     init_duration_sum_ms, max_memory_used_mb, duration_histogram)
       SELECT id, minute, invocations, (invocations * (draw % 100) / 600)::int, (draw % 50 = 0)::int, (draw % 10 = 0)::int, (draw % 20 = 0)::int,
              invocations * duration, invocations * duration / 1000 * 0.5, 0, 128, '0,' || (800 + draw % 600) || ',' || invocations
         FROM (SELECT f.id, m AS minute, abs(hashtext(f.id || '@' || m)) AS draw,
                      1 + abs(hashtext(m || '#' || f.id)) % 40 AS invocations, 50 + abs(hashtext(f.id || '$' || m)) % 900 AS duration
                 FROM functions f
                CROSS JOIN generate_series($1::timestamptz, $2::timestamptz - interval '1 minute', interval '1 minute') m) candidates
        WHERE id % 10 = 0 OR draw % 20 = 0`,
      [new Date(startMs), new Date(endMs)],
    );
    const hours = await client.query(
      `INSERT INTO function_hours (function_id, hour, invocations, errors, timeouts, cold_starts, retries, duration_sum_ms, billed_gb_seconds,
                                   init_duration_sum_ms, max_memory_used_mb, duration_histogram)
       SELECT function_id, date_trunc('hour', minute), sum(invocations), sum(errors), sum(timeouts), sum(cold_starts), sum(retries),
              sum(duration_sum_ms), sum(billed_gb_seconds), 0, max(max_memory_used_mb), '0,1100,' || sum(invocations)
         FROM function_minutes GROUP BY 1, 2`,
    );
    await client.query('VACUUM ANALYZE');
    return { seconds: (performance.now() - started) / 1000, minutes: minutes.rowCount ?? 0, hours: hours.rowCount ?? 0 };
  } finally {
    await client.end();
  }
}
