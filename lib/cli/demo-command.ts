import { parseArgs } from 'node:util';
import { createClients, emulatorCredentials } from '../aws/create-clients';
import { deployDemo } from '../emulator/demo/deploy-demo';
import { driveDemoRound } from '../emulator/demo/drive-demo-traffic';
import { startEmulator } from '../emulator/start-emulator';
import { loadConfig } from '../config';
import { openDatabase } from '../db/open-database';
import { ensureEmulatorSource } from '../ingest/ensure-emulator-source';
import { ingestSettingsFrom } from '../ingest/ingest-settings';
import { runWorker } from '../ingest/run-worker';
import { emulatorFlagOptions, emulatorOptionsFrom, untilStopped } from './emulator-command';
import { parseCommandFlags } from './parse-command-flags';

const help = `Usage: lambdascope demo [--rounds <n>] [emulator options]
       lambdascope start [emulator options]

demo   starts an emulator, deploys the demo functions, drives <n> rounds of traffic (default 10), stops.
start  does the same and keeps traffic flowing every few seconds until Ctrl-C.
Emulator options are those of 'lambdascope emulator --help'.`;

const ROUND_INTERVAL_MS = 3_000;
const DEMO_TIME_SCALE = 0.1;

export async function runDemoCommand(argv: string[], mode: { keepRunning: boolean }): Promise<number> {
  const parsed = parseCommandFlags(help, () => {
    const { values } = parseArgs({ args: argv, options: { ...emulatorFlagOptions, rounds: { type: 'string' } }, strict: true });
    const { rounds: roundsFlag, ...emulatorFlags } = values;
    const rounds = roundsFlag === undefined ? 10 : Number(roundsFlag);
    if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds: must be a whole number ≥ 1');
    // Demo retries should show within seconds, not the ~3 minutes AWS takes.
    return { ...emulatorOptionsFrom({ quiet: true, ...emulatorFlags }, { timeScale: DEMO_TIME_SCALE }), rounds };
  });
  if (parsed.kind === 'exit') return parsed.code;
  const { help: _help, rounds, ...emulatorOptions } = parsed.options;
  const emulator = await startEmulator(emulatorOptions);
  const { lambda } = createClients({ region: emulator.settings.region, endpoint: emulator.url, credentials: emulatorCredentials });
  console.log(`Lambda emulator on ${emulator.url}; deploying the demo functions…`);
  await deployDemo(lambda);
  if (!mode.keepRunning) {
    for (let round = 1; round <= rounds; round += 1) await driveDemoRound(lambda, round);
    console.log(`Drove ${rounds} rounds of traffic. Try: aws --endpoint-url ${emulator.url} logs filter-log-events --log-group-name /aws/lambda/demo-flaky`);
    await emulator.close();
    return 0;
  }
  // The whole product on one machine: the database, and a worker ingesting the emulator.
  const config = loadConfig();
  const database = await openDatabase(config);
  await ensureEmulatorSource(database.prisma, { endpoint: emulator.url, region: emulator.settings.region });
  const settings = ingestSettingsFrom(config);
  const stopWorker = new AbortController();
  const worker = runWorker(database.prisma, {
    owner: `start:${process.pid}`,
    settings,
    intervalMs: settings.intervalMs,
    retention: settings.retention,
    signal: stopWorker.signal,
    log: (line) => console.log(`${new Date().toISOString()} ingest ${line}`),
  });
  console.log(
    `Demo traffic flowing every ${ROUND_INTERVAL_MS / 1000} s, ingested into ${database.embedded ? 'the embedded PostgreSQL' : 'DATABASE_URL'}. ` +
      `Try: npx lambdascope functions. Ctrl-C stops everything; the data stays in ${emulator.settings.dataDir ?? 'memory'}.`,
  );
  let round = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      round += 1;
      await driveDemoRound(lambda, round);
      await new Promise((resolve) => setTimeout(resolve, ROUND_INTERVAL_MS));
    }
  })();
  await untilStopped(emulator, () => {
    running = false;
    stopWorker.abort();
  });
  await Promise.allSettled([loop, worker]);
  await database.close();
  return 0;
}
