import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig, resolveDataDir } from '../config';
import { startEmulator, type RunningEmulator } from '../emulator/start-emulator';
import type { EmulatorOptions } from '../emulator/emulator-settings';
import { parseCommandFlags } from './parse-command-flags';

const help = `Usage: lambdascope emulator [options]

Runs a local AWS Lambda with CloudWatch Logs and CloudWatch metrics APIs on one endpoint.
Point any AWS SDK or the AWS CLI at it: aws --endpoint-url http://127.0.0.1:4566 lambda list-functions

Options (environment variable in brackets):
  --host <host>               Address to listen on [LAMBDASCOPE_EMULATOR_HOST] (127.0.0.1)
  --port <port>               Port, 0 for any free one [LAMBDASCOPE_EMULATOR_PORT] (4566)
  --data-dir <dir>            Where state persists [LAMBDASCOPE_DATA_DIR]/emulator (.data/emulator)
  --concurrency <n>           Account concurrency limit [LAMBDASCOPE_EMULATOR_CONCURRENCY] (1000)
  --time-scale <x>            Multiplies AWS's waits, e.g. 0.01 [LAMBDASCOPE_EMULATOR_TIME_SCALE] (1)
  --idle-timeout <seconds>    Idle environments are shut down after this [LAMBDASCOPE_EMULATOR_IDLE_SECONDS] (600)
  --logs-throttle-rate <0..1> Share of Logs API calls answered ThrottlingException [LAMBDASCOPE_EMULATOR_LOGS_THROTTLE_RATE] (0)
  --in-memory                 Keep nothing on disk
  --quiet                     No request log
  -h, --help                  This help`;

const flagsSchema = z.object({
  host: z.string().min(1).optional(),
  port: z.coerce.number().int().min(0).max(65535).optional(),
  'data-dir': z.string().min(1).optional(),
  concurrency: z.coerce.number().int().min(1).optional(),
  'time-scale': z.coerce.number().positive().optional(),
  'idle-timeout': z.coerce.number().positive().optional(),
  'logs-throttle-rate': z.coerce.number().min(0).max(1).optional(),
  'in-memory': z.boolean().optional(),
  quiet: z.boolean().optional(),
  help: z.boolean().optional(),
});

export const emulatorFlagOptions = {
  host: { type: 'string' },
  port: { type: 'string' },
  'data-dir': { type: 'string' },
  concurrency: { type: 'string' },
  'time-scale': { type: 'string' },
  'idle-timeout': { type: 'string' },
  'logs-throttle-rate': { type: 'string' },
  'in-memory': { type: 'boolean' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Emulator options from flags, falling back to the environment (lib/config.ts), then to the command's defaults. */
export function emulatorOptionsFrom(
  values: Record<string, unknown>,
  commandDefaults: { timeScale?: number } = {},
): EmulatorOptions & { help: boolean } {
  const flags = flagsSchema.safeParse(values);
  if (!flags.success) {
    const issue = flags.error.issues[0];
    throw new Error(`--${String(issue?.path[0])}: ${issue?.message}`);
  }
  const config = loadConfig();
  const f = flags.data;
  return {
    help: f.help ?? false,
    host: f.host ?? config.LAMBDASCOPE_EMULATOR_HOST,
    port: f.port ?? config.LAMBDASCOPE_EMULATOR_PORT,
    dataDir: f['in-memory'] ? null : (f['data-dir'] ?? resolveDataDir(config, 'emulator')),
    region: config.AWS_REGION,
    accountConcurrencyLimit: f.concurrency ?? config.LAMBDASCOPE_EMULATOR_CONCURRENCY,
    timeScale: f['time-scale'] ?? config.LAMBDASCOPE_EMULATOR_TIME_SCALE ?? commandDefaults.timeScale ?? 1,
    idleTimeoutMs: Math.round((f['idle-timeout'] ?? config.LAMBDASCOPE_EMULATOR_IDLE_SECONDS) * 1000),
    logsThrottleRate: f['logs-throttle-rate'] ?? config.LAMBDASCOPE_EMULATOR_LOGS_THROTTLE_RATE,
    ...(f.quiet ? {} : { log: (line: string) => console.log(`${new Date().toISOString()} ${line}`) }),
  };
}

export async function runEmulatorCommand(argv: string[]): Promise<number> {
  const parsed = parseCommandFlags(help, () =>
    emulatorOptionsFrom(parseArgs({ args: argv, options: emulatorFlagOptions, strict: true }).values),
  );
  if (parsed.kind === 'exit') return parsed.code;
  const { help: _help, ...emulatorOptions } = parsed.options;
  const emulator = await startEmulator(emulatorOptions);
  console.log(`Lambda emulator listening on ${emulator.url} (data: ${emulator.settings.dataDir ?? 'in memory'})`);
  await untilStopped(emulator);
  return 0;
}

/** Waits for Ctrl-C or SIGTERM, then shuts the emulator down cleanly (every environment killed). */
export async function untilStopped(emulator: RunningEmulator, alsoStop?: () => void): Promise<void> {
  await new Promise<void>((resolve) => {
    const stop = () => {
      alsoStop?.();
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  console.log('Stopping: shutting down execution environments and flushing state…');
  await emulator.close();
}
