import { parseArgs } from 'node:util';
import type { LogLine } from '../metrics/assign-log-lines';
import { getRequestInvestigation, type AttemptInvestigation, type RequestInvestigation } from '../metrics/get-request-investigation';
import { parseCommandFlags } from './parse-command-flags';
import { runWithDatabase } from './run-with-database';

const help = `Usage: lambdascope request <requestId> [--json]

Everything known about one request id, in every function that logged it: how the invocation
ended, then each attempt (async retries included) with its status, start, duration, cold start,
the gap since the previous attempt, its error, and its log lines.

Options:
  --json       The same, as JSON
  -h, --help   This help

Reads the database at DATABASE_URL, or the embedded one under LAMBDASCOPE_DATA_DIR.`;

export async function runRequestCommand(argv: string[]): Promise<number> {
  const parsed = parseCommandFlags(help, () => {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    const help = values.help ?? false;
    if (!help && positionals.length !== 1) throw new Error(positionals.length === 0 ? 'request id: required' : `request id: one only (got ${positionals.length})`);
    return { help, json: values.json ?? false, requestId: positionals[0] ?? '' };
  });
  if (parsed.kind === 'exit') return parsed.code;
  const { requestId, json } = parsed.options;
  return runWithDatabase(async (prisma) => {
    const investigation = await getRequestInvestigation(prisma, requestId);
    return json ? JSON.stringify(investigation, null, 2) : formatInvestigation(investigation);
  });
}

function formatInvestigation(investigation: RequestInvestigation): string {
  return investigation.functions
    .map(({ function: fn, invocation, attempts, unassignedLogLines }) => {
      const header = [
        `Request ${investigation.requestId} in ${fn.name}${fn.deleted ? ' (deleted)' : ''} · ${fn.source.name} ${fn.source.region}`,
        `  ${invocation.outcome} · ${invocation.attemptCount} attempt${invocation.attemptCount === 1 ? '' : 's'} · final status ${invocation.finalStatus}`,
      ];
      const blocks = attempts.map(formatAttempt);
      const stray = unassignedLogLines.length === 0 ? [] : ['  Lines of no known attempt:', ...unassignedLogLines.map(formatLine)];
      return [...header, ...blocks, ...stray].join('\n');
    })
    .join('\n\n');
}

function formatAttempt(attempt: AttemptInvestigation): string {
  const facts = [
    `${attempt.startedAt.toISOString()}${attempt.startedAtEstimated ? ' (estimated)' : ''}`,
    attempt.durationMs === null ? 'no REPORT yet' : `${formatMs(attempt.durationMs)}${attempt.billedDurationMs === null ? '' : ` (billed ${attempt.billedDurationMs} ms)`}`,
    attempt.coldStart ? `cold start${attempt.initType ? ` ${attempt.initType}` : ''}${attempt.initDurationMs === null ? '' : `, init ${formatMs(attempt.initDurationMs)}`}` : 'warm',
    ...(attempt.maxMemoryUsedMB === null ? [] : [`memory ${attempt.maxMemoryUsedMB}/${attempt.memorySizeMB ?? '?'} MB`]),
    ...(attempt.gapBeforeMs === null ? [] : [`${formatMs(attempt.gapBeforeMs)} after attempt ${attempt.number - 1}`]),
  ];
  const where = [`stream ${attempt.logStreamName}`, ...(attempt.version ? [`version ${attempt.version}`] : []), ...(attempt.xrayTraceId ? [`X-Ray ${attempt.xrayTraceId}`] : [])];
  const error = attempt.error ? formatError(attempt.error) : [];
  const lines = attempt.logLines.length === 0 ? ['    (no log lines stored)'] : attempt.logLines.map(formatLine);
  return ['', `  Attempt ${attempt.number}  ${attempt.status.toUpperCase()}  ${facts.join(' · ')}`, `    ${where.join(' · ')}`, ...error, ...lines].join('\n');
}

function formatError(error: NonNullable<AttemptInvestigation['error']>): string[] {
  const summary = [error.type, error.message].filter(Boolean).join(': ');
  // Node's and Java's stacks begin with that same "Type: message" line.
  const stack = (error.stack ?? '').split('\n').filter((line, index) => line !== '' && !(index === 0 && line === summary));
  return [`    error ${summary}`, ...stack.map((line) => `      ${line.trim()}`)];
}

function formatLine(line: LogLine): string {
  const prefix = `    ${line.timestamp.toISOString().slice(11, 23)}  `;
  return prefix + line.message.replace(/\r?\n$/, '').replace(/\n/g, `\n${' '.repeat(prefix.length)}`);
}

function formatMs(ms: number): string {
  if (Math.abs(ms) < 1_000) return `${Number(ms.toFixed(2))} ms`;
  if (Math.abs(ms) < 60_000) return `${(ms / 1_000).toFixed(2)} s`;
  return `${Math.trunc(ms / 60_000)} min ${((Math.abs(ms) % 60_000) / 1_000).toFixed(1)} s`;
}
