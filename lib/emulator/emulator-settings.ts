import { z } from 'zod';

/** How one emulator instance behaves; `startEmulator` takes a partial of this and fills defaults. */
export const emulatorSettingsSchema = z.object({
  host: z.string().default('127.0.0.1'),
  /** 0 picks a free port (tests). */
  port: z.number().int().min(0).max(65535).default(4566),
  /** Where functions, code, logs and metrics persist; null keeps everything in memory. */
  dataDir: z.string().nullable().default(null),
  region: z.string().default('us-east-1'),
  accountId: z.string().regex(/^\d{12}$/).default('000000000000'),
  /** Account-wide concurrent executions (AWS default 1,000). */
  accountConcurrencyLimit: z.number().int().min(1).default(1000),
  /** Multiplies AWS's waits (async retry delays, throttle back-off); 0.01 runs a 1-minute wait in 0.6 s. */
  timeScale: z.number().positive().default(1),
  /** An environment idle this long is shut down; its next invoke is a cold start. */
  idleTimeoutMs: z.number().int().positive().default(600_000),
  /** Fault injection: the share of CloudWatch Logs API calls answered with ThrottlingException. */
  logsThrottleRate: z.number().min(0).max(1).default(0),
  /** One line per request; silent when absent. */
  log: z.custom<(line: string) => void>((value) => typeof value === 'function').optional(),
});

export type EmulatorSettings = z.output<typeof emulatorSettingsSchema>;
export type EmulatorOptions = z.input<typeof emulatorSettingsSchema>;
