import { parseArgs } from 'node:util';
import { listFunctionSummaries, type FunctionSummaries, type FunctionSummary } from '../metrics/list-function-summaries';
import { parseTimeRange } from '../metrics/parse-time-range';
import { parseCommandFlags } from './parse-command-flags';
import { runWithDatabase } from './run-with-database';

const help = `Usage: lambdascope functions [--since 1h] [--until <time>] [--json]

Every function's health over a time range, from the minute rollups: invocations, errors,
timeouts, out-of-memory kills, throttles, cold starts, retries, p50/p95/p99 duration, average
init duration and an estimated on-demand cost (no free tier).

Options:
  --since <time>   15m, 1h, 6h, 24h, 7d (any number of m, h or d back) or an ISO time (1h)
  --until <time>   Same forms (now)
  --json           The same, as JSON
  -h, --help       This help

Reads the database at DATABASE_URL, or the embedded one under LAMBDASCOPE_DATA_DIR.`;

export async function runFunctionsCommand(argv: string[]): Promise<number> {
  const parsed = parseCommandFlags(help, () => {
    const { values } = parseArgs({
      args: argv,
      options: { since: { type: 'string' }, until: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    });
    return { help: values.help ?? false, json: values.json ?? false, range: parseTimeRange({ since: values.since, until: values.until }) };
  });
  if (parsed.kind === 'exit') return parsed.code;
  const { range, json } = parsed.options;
  return runWithDatabase(async (prisma) => {
    const summaries = await listFunctionSummaries(prisma, range);
    return json ? JSON.stringify(summaries, null, 2) : formatSummaries(summaries);
  });
}

const columns: Array<[heading: string, cell: (summary: FunctionSummary) => string]> = [
  ['FUNCTION', (s) => `${s.function.name}${s.function.deleted ? ' (deleted)' : ''}`],
  ['INVOCATIONS', (s) => String(s.invocations)],
  ['ERRORS', (s) => String(s.errors)],
  ['ERR%', (s) => percent(s.errorRate)],
  ['TIMEOUTS', (s) => String(s.timeouts)],
  ['OOM', (s) => String(s.outOfMemory)],
  ['THROTTLES', (s) => String(s.throttles)],
  ['COLD', (s) => String(s.coldStarts)],
  ['COLD%', (s) => percent(s.coldStartRate)],
  ['RETRIES', (s) => String(s.retries)],
  ['P50', (s) => milliseconds(s.durationMs.p50)],
  ['P95', (s) => milliseconds(s.durationMs.p95)],
  ['P99', (s) => milliseconds(s.durationMs.p99)],
  ['INIT AVG', (s) => milliseconds(s.averageInitDurationMs)],
  ['COST', (s) => `$${s.cost.totalUsd.toFixed(s.cost.totalUsd !== 0 && s.cost.totalUsd < 0.01 ? 6 : 2)}${s.cost.note ? '*' : ''}`],
];

function formatSummaries(summaries: FunctionSummaries): string {
  const title = `Functions from ${summaries.since.toISOString()} to ${summaries.until.toISOString()}`;
  if (summaries.functions.length === 0) return `${title}\n(no functions)`;
  const rows = [columns.map(([heading]) => heading), ...summaries.functions.map((summary) => columns.map(([, cell]) => cell(summary)))];
  const widths = columns.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  const table = rows.map((row) =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ').trimEnd(),
  );
  const notes = [...new Set(summaries.functions.flatMap((summary) => (summary.cost.note ? [`* ${summary.cost.note}`] : [])))];
  return [title, '', ...table, ...(notes.length > 0 ? ['', ...notes] : [])].join('\n');
}

function percent(value: number | null): string {
  return value === null ? '-' : `${value.toFixed(1)}%`;
}

function milliseconds(value: number | null): string {
  if (value === null) return '-';
  return value < 1_000 ? `${value.toFixed(value < 10 ? 2 : 0)} ms` : `${(value / 1_000).toFixed(2)} s`;
}
