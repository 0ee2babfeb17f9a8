/**
 * npm run bench:query [-- --attempts N --functions N --days N] — the dashboards' read side (issue #4):
 * a fleet of 200 functions with 10,000,000 attempts over 30 days is seeded into a fresh database,
 * then the function page's data (getFunctionSeries over 24 h and 7 d, listFunctionInvocations'
 * first page, and the three together as the page loads them) and the overview's (getFleetOverview
 * over 1 h, 24 h, 7 d) are timed — lib/metrics called directly with a Prisma client, which is what
 * the API routes do minus HTTP — beside a baseline measured in the same run: the same answers
 * computed from the raw attempts (raw-read-models.ts), whose answers must also agree with the
 * rollups'. Targets: function page p95 < 100 ms, overview p95 < 250 ms. Last, the function page's
 * first-load JS from the build in .next/ (target < 300 kB compressed).
 *
 * Seeding (seed-fleet.ts): Node generates the attempts deterministically and streams them into
 * COPY; invocations, minute rollups (lib/store's arithmetic, lib/histogram's buckets — checked on
 * a sample after seeding) and CloudWatch metric minutes follow; keys and indexes are rebuilt, then
 * VACUUM ANALYZE. The database is dropped at the end, also on failure or Ctrl-C (--keep leaves it,
 * to EXPLAIN queries against it).
 *
 * Options: --attempts N (10,000,000) --functions N (200) --days N (30) --seed N (1)
 *          --runs N (30) --warmup N (5) --raw-runs N (5) --raw-warmup N (1)
 *          --build (run `next build` first) --keep --admin-url postgresql://… (postgresql://postgres@127.0.0.1:5432/postgres)
 */
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createPrismaClient } from '../lib/db/create-prisma-client';
import { getFleetOverview } from '../lib/metrics/get-fleet-overview';
import { getFunctionDetail } from '../lib/metrics/get-function-detail';
import { getFunctionSeries } from '../lib/metrics/get-function-series';
import { listFunctionInvocations } from '../lib/metrics/list-function-invocations';
import type { TimeRange } from '../lib/metrics/parse-time-range';
import { createBenchDatabase } from './ingest/bench-database';
import { createSeededRandom } from './ingest/seeded-random';
import { checkSeededData } from './query/check-seeded-data';
import { compareInvocations, compareOverview, compareSeries, type Agreement } from './query/compare-answers';
import { measureFirstLoadJs } from './query/first-load-js';
import { buildFleetProfiles } from './query/fleet-profiles';
import { rawFleetOverview, rawFunctionInvocations, rawFunctionSeries } from './query/raw-read-models';
import { seedFleet } from './query/seed-fleet';
import { timeRuns, type Timing } from './query/time-runs';

const { values } = parseArgs({
  options: {
    attempts: { type: 'string', default: '10000000' },
    functions: { type: 'string', default: '200' },
    days: { type: 'string', default: '30' },
    seed: { type: 'string', default: '1' },
    runs: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '5' },
    'raw-runs': { type: 'string', default: '5' },
    'raw-warmup': { type: 'string', default: '1' },
    build: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'admin-url': { type: 'string', default: 'postgresql://postgres@127.0.0.1:5432/postgres' },
  },
});
const whole = (name: string, text: string, minimum: number) => {
  const value = Number(text.replaceAll('_', '').replaceAll(',', ''));
  if (!Number.isInteger(value) || value < minimum) throw new Error(`--${name} must be an integer ≥ ${minimum}, not ${text}`);
  return value;
};
const ATTEMPTS = whole('attempts', values.attempts, 1);
const FUNCTIONS = whole('functions', values.functions, 1);
const DAYS = whole('days', values.days, 1);
const SEED = whole('seed', values.seed, 1);
const RUNS = whole('runs', values.runs, 1);
const WARMUP = whole('warmup', values.warmup, 0);
const RAW_RUNS = whole('raw-runs', values['raw-runs'], 0);
const RAW_WARMUP = whole('raw-warmup', values['raw-warmup'], 0);
const FUNCTION_PAGE_TARGET_MS = 100;
const OVERVIEW_TARGET_MS = 250;
const FIRST_LOAD_TARGET_KB = 300;
const HOUR = 3_600_000;
/** A raw baseline stops after three runs once its runs have taken this long (the 7-day overview takes ~30 s a run). */
const RAW_BUDGET_MS = 60_000;

const count = (value: number) => Math.round(value).toLocaleString('en-US');
const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(part < whole / 10 ? 2 : 1)} %`;
const ms = (value: number) => (Number.isNaN(value) ? '–' : value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`);
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const pad = (cells: string[], widths: number[]) => cells.map((cell, index) => (index === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[index] ?? 0))).join('  ');

const fleet = buildFleetProfiles(FUNCTIONS, SEED);
// The data ends at the last whole minute before the run: every range below ends there too ("now").
const endMs = Math.floor(Date.now() / 60_000) * 60_000;
const startMs = endMs - DAYS * 86_400_000;
console.log(
  `bench:query — ${count(ATTEMPTS)} attempts over ${DAYS} days across ${FUNCTIONS} functions ` +
    `(${fleet.filter((fn) => fn.async).length} asynchronous, ${fleet.filter((fn) => fn.architecture === 'arm64').length} on arm64, Zipf traffic), seed ${SEED}`,
);

const database = await createBenchDatabase(values['admin-url']);
try {
  const seeded = await seedFleet(database.url, fleet, { attempts: ATTEMPTS, startMs, endMs, seed: SEED, onProgress: (message) => console.error(`  ${message}`) });
  const vacuumSeconds = await vacuumAnalyze(database.url);
  const seedSeconds = seeded.steps.reduce((sum, step) => sum + step.seconds, 0) + vacuumSeconds;
  console.log(`seeding: ${seedSeconds.toFixed(1)} s — ${[...seeded.steps, { step: 'VACUUM ANALYZE', seconds: vacuumSeconds }].map((step) => `${step.step} ${step.seconds.toFixed(1)} s`).join('; ')}`);

  const { stats, rows } = seeded;
  console.log(
    `stored: ${count(rows.attempts)} attempts, ${count(rows.invocations)} invocations (${count(stats.retriedRequests)} retried), ` +
      `${count(rows.function_minutes)} function_minutes, ${count(rows.function_hours)} function_hours, ${count(rows.function_metric_minutes)} function_metric_minutes, ` +
        `${count(rows.function_metric_hours)} function_metric_hours; ${await tableSizes(database.url)}`,
  );
  console.log(
    `attempt outcomes: ${[...stats.statuses].sort((a, b) => b[1] - a[1]).map(([status, attempts]) => `${status} ${percent(attempts, stats.attempts)}`).join(', ')}; ` +
      `cold starts ${percent(stats.coldStarts, stats.attempts)}`,
  );
  const prisma = createPrismaClient(database.url);
  try {
    const check = await checkSeededData(prisma, { sample: 300, seed: SEED });
    console.log(
      check.problems.length === 0
        ? `rollups checked: ${count(check.minutes)} function-minutes (${count(check.attempts)} attempts) rolled up again with lib/store's rollupDelta and lib/histogram, ${count(check.hours)} function-hours against their minutes: every column equal`
        : `ROLLUPS DIFFER from the store's arithmetic:\n  ${check.problems.join('\n  ')}`,
    );

    const functionIds = seeded.functionIds;
    const busiest = fleet.reduce((best, fn) => (fn.weight > best.weight ? fn : best));
    const busiestId = functionIds[busiest.k - 1] as number;
    // The same random function for run i of the rollups and run i of the raw baseline.
    const picker = createSeededRandom(SEED + 11);
    const picks = Array.from({ length: Math.max(WARMUP + RUNS, RAW_WARMUP + RAW_RUNS) }, () => picker.pick(functionIds));
    const randomFunction = (run: number) => picks[run % picks.length] as number;
    const rangeOf = (hours: number): TimeRange => ({ since: new Date(endMs - hours * HOUR), until: new Date(endMs) });
    const overviewTable = { sort: 'invocations', dir: 'desc', filter: '' } as const;

    type Case = {
      label: string;
      target: number | null;
      rollups: (run: number) => Promise<unknown>;
      raw: (run: number) => Promise<unknown>;
      compare: (rollups: unknown, raw: unknown) => Agreement;
    };
    const seriesCase = (label: string, hours: number, functionOf: (run: number) => number): Case => ({
      label,
      target: FUNCTION_PAGE_TARGET_MS,
      rollups: (run) => getFunctionSeries(prisma, { functionId: functionOf(run), range: rangeOf(hours) }),
      raw: (run) => rawFunctionSeries(prisma, { functionId: functionOf(run), range: rangeOf(hours) }),
      compare: (a, b) => compareSeries(a as Awaited<ReturnType<typeof getFunctionSeries>>, b as Awaited<ReturnType<typeof getFunctionSeries>>),
    });
    const invocationsCase = (label: string, functionOf: (run: number) => number): Case => ({
      label,
      target: FUNCTION_PAGE_TARGET_MS,
      rollups: (run) => listFunctionInvocations(prisma, { functionId: functionOf(run), range: rangeOf(24), limit: 50 }),
      raw: (run) => rawFunctionInvocations(prisma, { functionId: functionOf(run), range: rangeOf(24), limit: 50 }),
      compare: (a, b) => compareInvocations(a as Awaited<ReturnType<typeof listFunctionInvocations>>, b as Awaited<ReturnType<typeof listFunctionInvocations>>),
    });
    // What app/(app)/functions/[functionId]/page.tsx awaits: the detail, then the series and the table's first 25 rows at once.
    const pageCase = (label: string, functionOf: (run: number) => number): Case => ({
      label,
      target: FUNCTION_PAGE_TARGET_MS,
      rollups: async (run) => {
        const detail = await getFunctionDetail(prisma, functionOf(run));
        return Promise.all([
          getFunctionSeries(prisma, { functionId: detail.id, range: rangeOf(24) }),
          listFunctionInvocations(prisma, { functionId: detail.id, range: rangeOf(24), limit: 25 }),
        ]);
      },
      raw: async (run) => {
        const detail = await getFunctionDetail(prisma, functionOf(run));
        return Promise.all([rawFunctionSeries(prisma, { functionId: detail.id, range: rangeOf(24) }), rawFunctionInvocations(prisma, { functionId: detail.id, range: rangeOf(24), limit: 25 })]);
      },
      compare: (a, b) => {
        type PageData = [Awaited<ReturnType<typeof getFunctionSeries>>, Awaited<ReturnType<typeof listFunctionInvocations>>];
        const [seriesA, pageA] = a as PageData;
        const [seriesB, pageB] = b as PageData;
        const series = compareSeries(seriesA, seriesB);
        const page = compareInvocations(pageA, pageB);
        return { values: series.values + page.values, worstPercentileError: series.worstPercentileError, problems: [...series.problems, ...page.problems] };
      },
    });
    const overviewCase = (label: string, hours: number): Case => ({
      label,
      target: OVERVIEW_TARGET_MS,
      rollups: () => getFleetOverview(prisma, { range: rangeOf(hours), ...overviewTable }),
      raw: () => rawFleetOverview(prisma, { range: rangeOf(hours), ...overviewTable }),
      compare: (a, b) => compareOverview(a as Awaited<ReturnType<typeof getFleetOverview>>, b as Awaited<ReturnType<typeof getFleetOverview>>),
    });
    const groups: Array<{ title: string; cases: Case[] }> = [
      {
        title: `function page — a random function each run (of ${FUNCTIONS})`,
        cases: [
          seriesCase('getFunctionSeries 24h', 24, randomFunction),
          seriesCase('getFunctionSeries 7d', 24 * 7, randomFunction),
          invocationsCase('listFunctionInvocations 24h, first 50', randomFunction),
          pageCase('page: detail → series 24h ∥ 25 invocations', randomFunction),
        ],
      },
      {
        title: `function page — the busiest function (${busiest.name}, ${percent(busiest.weight, 1)} of attempts)`,
        cases: [
          seriesCase('getFunctionSeries 24h', 24, () => busiestId),
          seriesCase('getFunctionSeries 7d', 24 * 7, () => busiestId),
          invocationsCase('listFunctionInvocations 24h, first 50', () => busiestId),
        ],
      },
      {
        title: `overview — all ${FUNCTIONS} functions, sorted by invocations`,
        cases: [overviewCase('getFleetOverview 1h', 1), overviewCase('getFleetOverview 24h', 24), overviewCase('getFleetOverview 7d', 24 * 7)],
      },
    ];

    const loadBefore = loadAverage();
    const results: Array<{ title: string; rows: Array<{ label: string; target: number | null; rollups: Timing; raw: Timing | null; agreement: Agreement | null }> }> = [];
    for (const group of groups) {
      const rowsOut = [];
      for (const item of group.cases) {
        console.error(`  timing ${group.title.split(' — ')[0]}: ${item.label}…`);
        const rollups = await timeRuns({ warmup: WARMUP, runs: RUNS, run: item.rollups });
        let agreement: Agreement | null = null;
        const raw =
          RAW_RUNS === 0
            ? null
            : await timeRuns({
                warmup: RAW_WARMUP,
                runs: RAW_RUNS,
                budgetMs: RAW_BUDGET_MS,
                run: async (run) => {
                  const answer = await item.raw(run);
                  // Untimed: the rollups' answer to the same question, which must agree.
                  if (run >= RAW_WARMUP) {
                    const stopwatchFree = await item.rollups(run);
                    const compared = item.compare(stopwatchFree, answer);
                    agreement = agreement === null ? compared : mergeAgreements(agreement, compared);
                  }
                  return answer;
                },
              });
        rowsOut.push({ label: item.label, target: item.target, rollups, raw, agreement });
      }
      results.push({ title: group.title, rows: rowsOut });
    }

    console.log('');
    console.log(
      `after VACUUM ANALYZE; rollups: ${WARMUP} warm-up + ${RUNS} timed runs each, raw rows: ${RAW_WARMUP} + up to ${RAW_RUNS} (n: fewer once they take ${RAW_BUDGET_MS / 1000} s); ` +
        `one call at a time; ratio = rollups ÷ raw rows; load average ${loadBefore} before, ${loadAverage()} after (${cpus().length} cores)`,
    );
    const widths = [44, 9, 9, 9, 9, 2, 8, 8, 14, 11];
    console.log(pad(['', 'rollups', '', 'raw rows', '', '', 'ratio', '', 'target', 'answers'], widths));
    console.log(pad(['', 'p50', 'p95', 'p50', 'p95', 'n', 'p50', 'p95', '(p95)', 'agree'], widths));
    const missed: string[] = [];
    for (const group of results) {
      console.log(group.title);
      for (const row of group.rows) {
        const met = row.target === null ? null : row.rollups.p95 < row.target;
        if (met === false) missed.push(`${group.title.split(' — ')[0]}: ${row.label}`);
        const agreement = row.agreement as Agreement | null;
        console.log(
          pad(
            [
              `  ${row.label}`,
              ms(row.rollups.p50),
              ms(row.rollups.p95),
              row.raw ? ms(row.raw.p50) : '–',
              row.raw ? ms(row.raw.p95) : '–',
              row.raw ? String(row.raw.runs) : '',
              row.raw ? percent(row.rollups.p50, row.raw.p50) : '–',
              row.raw ? percent(row.rollups.p95, row.raw.p95) : '–',
              row.target === null ? '' : `< ${row.target} ms ${met ? '✓' : '✗'}`,
              agreement === null ? '–' : agreement.problems.length === 0 ? `✓ ±${(100 * agreement.worstPercentileError).toFixed(2)} %` : '✗',
            ],
            widths,
          ),
        );
      }
    }
    const disagreements = results.flatMap((group) => group.rows.flatMap((row) => (row.agreement as Agreement | null)?.problems.map((problem) => `${row.label}: ${problem}`) ?? []));
    console.log(`answers agree: counts, sums and sparklines equal; percentiles within the histogram's 0.5 % (worst shown)${disagreements.length ? `; DISAGREEMENTS:\n  ${disagreements.join('\n  ')}` : ''}`);
    console.log(missed.length === 0 ? 'every target met' : `targets missed: ${missed.join('; ')}`);
  } finally {
    await prisma.$disconnect();
  }

  console.log('');
  const js = measureFirstLoadJs({ projectDir: process.cwd(), route: '/functions/[functionId]', build: values.build });
  console.log(`first-load JS of /functions/[functionId] (build of ${js.builtAt.toISOString()}):`);
  const jsWidths = [44, 12, 12, 12];
  console.log(pad(['chunk', 'bytes', 'gzip -9', 'brotli 11'], jsWidths));
  for (const chunk of [...js.chunks].sort((a, b) => b.bytes - a.bytes)) console.log(pad([`  ${chunk.file}`, kB(chunk.bytes), kB(chunk.gzip), kB(chunk.brotli)], jsWidths));
  console.log(pad(['  total', kB(js.total.bytes), kB(js.total.gzip), kB(js.total.brotli)], jsWidths));
  console.log(`compressed first load: ${kB(js.total.gzip)} gzip, ${kB(js.total.brotli)} brotli (target < ${FIRST_LOAD_TARGET_KB} kB ${js.total.gzip < FIRST_LOAD_TARGET_KB * 1000 ? '✓' : '✗'})`);
  for (const note of js.notes) console.log(`  note: ${note}`);
} finally {
  if (values.keep) console.log(`kept the database: ${database.url}`);
  else await database.drop();
}

function loadAverage(): string {
  return loadavg()
    .map((load) => load.toFixed(1))
    .join(' ');
}

function mergeAgreements(a: Agreement, b: Agreement): Agreement {
  return { values: a.values + b.values, worstPercentileError: Math.max(a.worstPercentileError, b.worstPercentileError), problems: [...a.problems, ...b.problems].slice(0, 5) };
}

async function vacuumAnalyze(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const started = performance.now();
    await client.query('VACUUM (ANALYZE)');
    return (performance.now() - started) / 1000;
  } finally {
    await client.end();
  }
}

async function tableSizes(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string; size: string }>(
      `SELECT relname AS name, pg_size_pretty(pg_total_relation_size(oid)) AS size FROM pg_class
        WHERE relname IN ('attempts', 'invocations', 'function_minutes', 'function_hours', 'function_metric_minutes') ORDER BY pg_total_relation_size(oid) DESC`,
    );
    return `on disk with indexes: ${rows.map((row) => `${row.name} ${row.size}`).join(', ')}`;
  } finally {
    await client.end();
  }
}
