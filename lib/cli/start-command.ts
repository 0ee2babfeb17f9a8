import path from 'node:path';
import { alertingSettingsFrom } from '../alerts/run-alerting-pass';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createClients, emulatorCredentials } from '../aws/create-clients';
import { loadConfig } from '../config';
import { openDatabase } from '../db/open-database';
import { deployDemo } from '../emulator/demo/deploy-demo';
import { driveDemoRound } from '../emulator/demo/drive-demo-traffic';
import { startEmulator, type RunningEmulator } from '../emulator/start-emulator';
import { ensureEmulatorSource } from '../ingest/ensure-emulator-source';
import { ingestSettingsFrom } from '../ingest/ingest-settings';
import { runWorker } from '../ingest/run-worker';
import { startWebServer } from '../web/start-web-server';
import { emulatorFlagOptions, emulatorOptionsFrom } from './emulator-command';
import { parseCommandFlags } from './parse-command-flags';

const help = `Usage: lambdascope start [--dev] [--web-port <port>] [emulator options]

The whole product on one machine: the database (DATABASE_URL, or an embedded PostgreSQL under .data/),
an ingest worker, the web app, and — unless LAMBDASCOPE_DEMO=off or AWS sources are configured — the
emulator with the demo functions and continuous traffic. Ctrl-C stops every part; the data stays.

  --dev               Next's dev server (hot reload) instead of the production build
  --web-port <port>   Where the web app listens [LAMBDASCOPE_PORT] (3000)
Emulator options are those of 'lambdascope emulator --help'.`;

const ROUND_INTERVAL_MS = 3_000;
const DEMO_TIME_SCALE = 0.1;
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function runStartCommand(argv: string[]): Promise<number> {
  const parsed = parseCommandFlags(help, () => {
    const { values } = parseArgs({
      args: argv,
      options: { ...emulatorFlagOptions, dev: { type: 'boolean' }, 'web-port': { type: 'string' } },
      strict: true,
    });
    const { dev, 'web-port': webPortFlag, ...emulatorFlags } = values;
    const webPort = webPortFlag === undefined ? undefined : Number(webPortFlag);
    if (webPort !== undefined && (!Number.isInteger(webPort) || webPort < 1 || webPort > 65535)) throw new Error('--web-port: must be a port number');
    return { ...emulatorOptionsFrom({ quiet: true, ...emulatorFlags }, { timeScale: DEMO_TIME_SCALE }), dev: dev ?? false, webPort };
  });
  if (parsed.kind === 'exit') return parsed.code;
  const { help: _help, dev, webPort, ...emulatorOptions } = parsed.options;
  const config = loadConfig();
  const log = (line: string) => console.log(`${new Date().toISOString()} ${line}`);

  const database = await openDatabase(config, { log });
  const awsSources = await database.prisma.source.count({ where: { kind: 'aws' } });
  const withDemo = config.LAMBDASCOPE_DEMO === 'on' && awsSources === 0;
  let emulator: RunningEmulator | null = null;
  let trafficRunning = withDemo;
  let traffic: Promise<void> = Promise.resolve();
  if (withDemo) {
    emulator = await startEmulator(emulatorOptions);
    const { lambda } = createClients({ region: emulator.settings.region, endpoint: emulator.url, credentials: emulatorCredentials });
    log(`Lambda emulator on ${emulator.url}; deploying the demo functions…`);
    await deployDemo(lambda);
    await ensureEmulatorSource(database.prisma, { endpoint: emulator.url, region: emulator.settings.region });
    traffic = (async () => {
      for (let round = 1; trafficRunning; round += 1) {
        await driveDemoRound(lambda, round);
        await new Promise((resolve) => setTimeout(resolve, ROUND_INTERVAL_MS));
      }
    })();
  }

  const settings = ingestSettingsFrom(config);
  const stopWorker = new AbortController();
  const worker = runWorker(database.prisma, {
    owner: `start:${process.pid}`,
    settings,
    intervalMs: settings.intervalMs,
    retention: settings.retention,
    alerting: alertingSettingsFrom(config),
    signal: stopWorker.signal,
    log: (line) => log(`ingest ${line}`),
  });

  const port = webPort ?? config.LAMBDASCOPE_PORT;
  const stopRequested = waitForSignal();
  let web;
  try {
    web = await startWebServer({
      root: projectRoot,
      port,
      hostname: config.LAMBDASCOPE_HOST,
      dev,
      // NEXTAUTH_URL only when configured: unset, sign-in and the Origin check follow the host the browser used.
      env: { ...process.env, DATABASE_URL: database.connectionString },
      log,
    });
    const users = await database.prisma.user.count();
    console.log(
      [
        '',
        `  Lambdascope is running at ${web.url}`,
        users === 0 ? '  First visit: create the admin account on the setup page it opens.' : '  Sign in with your Lambdascope account.',
        withDemo
          ? `  Demo functions in the emulator at ${emulator?.url ?? ''}, traffic every ${ROUND_INTERVAL_MS / 1000} s.`
          : `  Ingesting the configured sources${awsSources > 0 ? ` (${awsSources} AWS)` : ''}; the demo is off.`,
        `  Data: ${database.embedded ? 'embedded PostgreSQL' : 'DATABASE_URL'}. Ctrl-C stops everything; the data stays.`,
        '',
      ].join('\n'),
    );
  } catch (error) {
    console.error(`The web app could not start: ${(error as Error).message}`);
    void stopRequested.cancel();
  }
  await stopRequested.promise;
  log('Stopping: web app, traffic, worker, emulator, database…');
  trafficRunning = false;
  stopWorker.abort();
  await web?.stop();
  await Promise.allSettled([traffic, worker]);
  await emulator?.close();
  await database.close();
  return web ? 0 : 1;
}

/** Resolves on Ctrl-C or SIGTERM (or when cancelled, to shut down after a failed start). */
function waitForSignal(): { promise: Promise<void>; cancel: () => void } {
  let cancel = () => undefined as void;
  const promise = new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    cancel = stop;
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return { promise, cancel };
}
