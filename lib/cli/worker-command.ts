import { randomUUID } from 'node:crypto';
import { alertingSettingsFrom } from '../alerts/run-alerting-pass';
import { hostname } from 'node:os';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { openDatabase } from '../db/open-database';
import { ingestSettingsFrom } from '../ingest/ingest-settings';
import { runWorker } from '../ingest/run-worker';
import { parseCommandFlags } from './parse-command-flags';

const usage = `Usage: lambdascope worker [--once]

Polls every source (lambdascope source add) into the database, cycle after cycle, until Ctrl-C.
Several workers may run at once: they share log groups through leases and one FilterLogEvents quota.
--once   one pass over every source, then exit`;

export async function runWorkerCommand(argv: string[]): Promise<number> {
  const parsed = parseCommandFlags(usage, () => {
    const { values } = parseArgs({ args: argv, options: { once: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, strict: true });
    return { once: values.once ?? false, help: values.help ?? false };
  });
  if (parsed.kind === 'exit') return parsed.code;
  const config = loadConfig();
  const database = await openDatabase(config, { log: () => undefined });
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const settings = ingestSettingsFrom(config);
  try {
    await runWorker(database.prisma, {
      owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
      settings,
      intervalMs: settings.intervalMs,
    retention: settings.retention,
    alerting: alertingSettingsFrom(config),
      signal: stop.signal,
      once: parsed.options.once,
      log: (line) => console.log(`${new Date().toISOString()} ${line}`),
    });
    return 0;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await database.close();
  }
}
