/**
 * npm run bench:ingest [-- --events N] — the ingest hot path (issue #3): CloudWatch-shaped events
 * through parse → assemble → store, beside a baseline measured in the same run: COPY of the very
 * rows the pipeline stored into fresh tables of the same shape. Target: ≥ 50 % of the COPY rate,
 * memory flat as input grows.
 *
 * Events are generated lazily and deterministically (seeded) for 50 functions — Node and Python,
 * Text and JSON log formats, cold starts, function errors, timeouts, OOM kills, crashes, failed
 * INITs, async retries under one request id — with the emulator's own line formats. They go in as
 * the worker stores them: one log group's FilterLogEvents page (10,000 events) per writeLogBatch,
 * four log groups at a time (the worker's default LAMBDASCOPE_INGEST_PARALLELISM; --lanes 1 for one).
 * A fresh database is created, migrated, and dropped at the end (also on failure or Ctrl-C).
 *
 * Options: --events N (1,000,000) --batch N (10,000) --lanes N (4) --functions N (50) --seed N (1)
 *          --admin-url postgresql://… (postgresql://postgres@127.0.0.1:5432/postgres)
 */
import { parseArgs } from 'node:util';
import { createPrismaClient } from '../lib/db/create-prisma-client';
import { createBenchDatabase } from './ingest/bench-database';
import { measureCopyBaseline } from './ingest/copy-baseline';
import { buildFunctionProfiles } from './ingest/function-profiles';
import { startMemorySampler } from './ingest/memory-sampler';
import { runPipeline, type Checkpoint } from './ingest/run-pipeline';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '1000000' },
    batch: { type: 'string', default: '10000' },
    lanes: { type: 'string', default: '4' },
    functions: { type: 'string', default: '50' },
    seed: { type: 'string', default: '1' },
    'admin-url': { type: 'string', default: 'postgresql://postgres@127.0.0.1:5432/postgres' },
  },
});
const positive = (name: string, text: string) => {
  const value = Number(text.replaceAll('_', '').replaceAll(',', ''));
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive integer, not ${text}`);
  return value;
};
const EVENTS = positive('events', values.events);
const BATCH = positive('batch', values.batch);
const FUNCTIONS = positive('functions', values.functions);
const SEED = positive('seed', values.seed);
const LANES = positive('lanes', values.lanes);
if (LANES > FUNCTIONS) throw new Error(`--lanes (${LANES}) cannot exceed --functions (${FUNCTIONS}): a lane holds one log group at a time`);
const START_MS = Date.UTC(2026, 10, 22, 0, 0, 0);

const count = (value: number) => Math.round(value).toLocaleString('en-US');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const secs = (value: number) => `${value.toFixed(1)} s`;
const pad = (cells: string[], widths: number[]) => cells.map((cell, index) => (index === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[index] ?? 0))).join('  ');

const profiles = buildFunctionProfiles(FUNCTIONS, SEED);
const node = profiles.filter((profile) => profile.runtime === 'node').length;
const json = profiles.filter((profile) => profile.logFormat === 'JSON').length;
console.log(
  `bench:ingest — ${count(EVENTS)} events, ${FUNCTIONS} functions (${node} Node, ${FUNCTIONS - node} Python; ${json} JSON log format), ` +
    `batches of ${count(BATCH)} (one log group's page each), ${LANES} lane${LANES === 1 ? '' : 's'}, seed ${SEED}`,
);

const memory = startMemorySampler();
const database = await createBenchDatabase(values['admin-url']);
try {
  const prisma = createPrismaClient(database.url);
  const source = await prisma.source.create({ data: { name: 'bench', kind: 'aws', region: 'us-east-1' } });
  const functions = [];
  for (const profile of profiles) {
    const logGroupName = `/aws/lambda/${profile.name}`;
    const fn = await prisma.lambdaFunction.create({
      data: {
        sourceId: source.id,
        name: profile.name,
        arn: `arn:aws:lambda:us-east-1:000000000000:function:${profile.name}`,
        runtime: profile.runtime === 'node' ? 'nodejs20.x' : 'python3.12',
        memorySizeMB: profile.memorySizeMB,
        timeoutSeconds: profile.timeoutSeconds,
        logFormat: profile.logFormat,
        logGroupName,
      },
    });
    const state = await prisma.logGroupState.create({
      data: { sourceId: source.id, logGroupName, checkpointMs: BigInt(START_MS), backfillStartMs: BigInt(START_MS) },
    });
    functions.push({ profile, functionId: fn.id, logGroupStateId: state.id });
  }

  const rssBefore = memory.sample();
  const pipeline = await runPipeline(prisma, {
    sourceId: source.id,
    functions,
    events: EVENTS,
    batchSize: BATCH,
    lanes: LANES,
    seed: SEED,
    startMs: START_MS,
    memory,
    onProgress: (point) =>
      console.error(`  … ${count(point.events)} events, ${count(point.events / point.pipelineSeconds)} events/s, RSS ${mb(point.rss)} (peak ${mb(point.peakRss)})`),
  });
  const stored = await prisma.$queryRaw<Array<{ status: string; attempts: number }>>`
    SELECT status, count(*)::int AS attempts FROM attempts GROUP BY status ORDER BY count(*) DESC`;
  const [totals] = await prisma.$queryRaw<Array<Record<'raw_events' | 'invocations' | 'function_minutes' | 'retried' | 'cold', number>>>`
    SELECT (SELECT count(*)::int FROM raw_events) AS raw_events,
           (SELECT count(*)::int FROM invocations) AS invocations,
           (SELECT count(*)::int FROM function_minutes) AS function_minutes,
           (SELECT count(*)::int FROM invocations WHERE attempt_count > 1) AS retried,
           (SELECT count(*)::int FROM attempts WHERE cold_start) AS cold`;
  await prisma.$disconnect();

  const copy = await measureCopyBaseline(database.url);

  const attempts = stored.reduce((sum, row) => sum + row.attempts, 0);
  console.log(
    `stored: ${count(totals?.raw_events ?? 0)} raw_events, ${count(attempts)} attempts (${count(totals?.cold ?? 0)} cold), ` +
      `${count(totals?.invocations ?? 0)} invocations (${count(totals?.retried ?? 0)} retried), ${count(totals?.function_minutes ?? 0)} function_minutes`,
  );
  console.log(`attempt outcomes: ${stored.map((row) => `${row.status} ${((100 * row.attempts) / attempts).toFixed(2)} %`).join(', ')}`);
  console.log('');

  const widths = [12, 14, 12, 14, 10, 10, 10];
  console.log(pad(['events', 'pipeline', 'events/s', 'stretch ev/s', 'RSS', 'peak RSS', 'heap'], widths));
  for (const point of pipeline.checkpoints as Checkpoint[]) {
    console.log(
      pad(
        [
          count(point.events),
          secs(point.pipelineSeconds),
          count(point.events / point.pipelineSeconds),
          point.stretchSeconds > 0 ? count(point.stretchEvents / point.stretchSeconds) : '–',
          mb(point.rss),
          mb(point.peakRss),
          mb(point.heapUsed),
        ],
        widths,
      ),
    );
  }
  console.log(`RSS before the first batch ${mb(rssBefore)}; peak over the run ${mb(memory.peak())}`);
  console.log(
    `time: pipeline ${secs(pipeline.pipelineSeconds)} = wall ${secs(pipeline.wallSeconds)} − generation ${secs(pipeline.generateSeconds)} − assembleAttempts timed apart ${secs(pipeline.assembleSeconds)} ` +
      `(generation stands in for reading pages: not counted); inside it parse ${secs(pipeline.parseSeconds)}, ` +
      `writeLogBatch ${secs(pipeline.storeSeconds)} summed over ${LANES} lane${LANES === 1 ? '' : 's'}`,
  );
  console.log('');

  const copyWidths = [18, 12, 10, 10, 14];
  console.log(pad(['COPY … FROM STDIN', 'rows', 'MB', 'seconds', 'rows/s'], copyWidths));
  for (const table of copy) {
    console.log(pad([table.table, count(table.rows), (table.bytes / 1024 / 1024).toFixed(1), table.seconds.toFixed(2), count(table.rows / table.seconds)], copyWidths));
  }
  const copySeconds = copy.reduce((sum, table) => sum + table.seconds, 0);
  const copyRows = copy.reduce((sum, table) => sum + table.rows, 0);
  console.log(pad(['total', count(copyRows), (copy.reduce((sum, table) => sum + table.bytes, 0) / 1024 / 1024).toFixed(1), copySeconds.toFixed(2), count(copyRows / copySeconds)], copyWidths));
  console.log('');

  const pipelineRate = pipeline.events / pipeline.pipelineSeconds;
  const copyRate = pipeline.events / copySeconds;
  console.log(`pipeline (parse → assemble → store)  ${count(pipelineRate).padStart(12)} events/s  (${LANES} lane${LANES === 1 ? '' : 's'})`);
  console.log(`baseline COPY of the same rows        ${count(copyRate).padStart(12)} events/s  (${count(copyRows / copySeconds)} rows/s)`);
  console.log(`pipeline / COPY                       ${`${((100 * pipelineRate) / copyRate).toFixed(2)} %`.padStart(12)}  (target ≥ 50 %); peak RSS ${mb(memory.peak())}`);
  // The conservative reading: generation overlaps database work in other lanes, so counting it all is a floor.
  const wallRate = pipeline.events / pipeline.wallSeconds;
  console.log(`the same, generation not taken off    ${`${((100 * wallRate) / copyRate).toFixed(2)} %`.padStart(12)}  (${count(wallRate)} events/s: a floor)`);
} finally {
  memory.stop();
  await database.drop();
}
