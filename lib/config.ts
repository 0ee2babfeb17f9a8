import path from 'node:path';
import { z } from 'zod';

/**
 * The environment, parsed once. Nothing else reads process.env; a bad variable is named in the error.
 * Every variable is listed in the README.
 */
const environmentSchema = z.object({
  LAMBDASCOPE_DATA_DIR: z.string().min(1).default('.data'),
  /** Unset: an embedded PostgreSQL under the data directory. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// connection string')
    .optional(),
  LAMBDASCOPE_POSTGRES_PORT: z.coerce.number().int().min(1).max(65535).default(55432),
  LAMBDASCOPE_EMULATOR_HOST: z.string().min(1).default('127.0.0.1'),
  LAMBDASCOPE_EMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(4566),
  LAMBDASCOPE_EMULATOR_CONCURRENCY: z.coerce.number().int().min(1).max(100_000).default(1000),
  /** Unset means the command's own default: 1 for `emulator`, 0.1 for `demo` and `start`. */
  LAMBDASCOPE_EMULATOR_TIME_SCALE: z.coerce.number().positive().max(1000).optional(),
  LAMBDASCOPE_EMULATOR_IDLE_SECONDS: z.coerce.number().positive().default(600),
  LAMBDASCOPE_EMULATOR_LOGS_THROTTLE_RATE: z.coerce.number().min(0).max(1).default(0),
  /** Firehose HTTP endpoint access key; unset, POST /api/ingest/firehose answers 503. */
  LAMBDASCOPE_FIREHOSE_ACCESS_KEY: z.string().min(8, 'must be at least 8 characters').max(4096).optional(),
  LAMBDASCOPE_INGEST_BACKFILL_HOURS: z.coerce.number().positive().max(24 * 14).default(24),
  LAMBDASCOPE_INGEST_OVERLAP_SECONDS: z.coerce.number().min(0).max(3600).default(300),
  LAMBDASCOPE_INGEST_INTERVAL_SECONDS: z.coerce.number().positive().max(3600).default(10),
  LAMBDASCOPE_INGEST_PARALLELISM: z.coerce.number().int().min(1).max(64).default(4),
  /** FilterLogEvents calls per second per account and region, shared by every worker (AWS's quota is 5). */
  LAMBDASCOPE_LOGS_RATE_LIMIT: z.coerce.number().int().min(1).max(1000).default(5),
  LAMBDASCOPE_RETENTION_RAW_EVENTS_DAYS: z.coerce.number().positive().max(3650).default(7),
  LAMBDASCOPE_RETENTION_ATTEMPTS_DAYS: z.coerce.number().positive().max(3650).default(30),
  LAMBDASCOPE_RETENTION_ROLLUPS_DAYS: z.coerce.number().positive().max(3650).default(396),
  /** Where `lambdascope start` serves the web app. */
  LAMBDASCOPE_PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  LAMBDASCOPE_HOST: z.string().min(1).default('127.0.0.1'),
  /** `start` runs the emulator with demo functions and traffic; off, it ingests only the configured sources. */
  LAMBDASCOPE_DEMO: z.enum(['on', 'off']).default('on'),
  /** Signs and encrypts session cookies; unset, a random secret is kept in `<data dir>/auth-secret` (mode 0600). */
  LAMBDASCOPE_AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** The app's public URL (next-auth's callbacks, the Origin every change must carry); unset, the request's Host. */
  NEXTAUTH_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s):// URL' }).optional(),
  /** A session ends this long after sign-in, however active. */
  LAMBDASCOPE_SESSION_HOURS: z.coerce.number().positive().max(24 * 366).default(168),
  /** GitHub and Google sign-in, each offered only when both its variables are set. */
  GITHUB_ID: z.string().min(1).optional(),
  GITHUB_SECRET: z.string().min(1).optional(),
  GOOGLE_ID: z.string().min(1).optional(),
  GOOGLE_SECRET: z.string().min(1).optional(),
  AWS_REGION: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must look like us-east-1').default('us-east-1'),
}).superRefine((environment, context) => {
  // Half an OAuth pair is a mistake, not a way to turn the provider off: name the missing half.
  for (const [id, secret] of [['GITHUB_ID', 'GITHUB_SECRET'], ['GOOGLE_ID', 'GOOGLE_SECRET']] as const) {
    if ((environment[id] === undefined) === (environment[secret] === undefined)) continue;
    const [missing, present] = environment[id] === undefined ? [id, secret] : [secret, id];
    context.addIssue({ code: 'custom', path: [missing], message: `must be set when ${present} is` });
  }
});

export type AppConfig = z.infer<typeof environmentSchema>;

export class ConfigError extends Error {
  constructor(readonly variable: string, message: string) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(environment: Record<string, string | undefined> = process.env): AppConfig {
  const result = environmentSchema.safeParse(environment);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new ConfigError(String(issue?.path[0] ?? 'environment'), issue?.message ?? 'invalid');
}

export function resolveDataDir(config: Pick<AppConfig, 'LAMBDASCOPE_DATA_DIR'>, subdirectory: string): string {
  return path.resolve(config.LAMBDASCOPE_DATA_DIR, subdirectory);
}
