import type { LogRecord } from '../lambda-logs/log-record';

export type AttemptStatus = 'success' | 'error' | 'timeout' | 'out_of_memory' | 'init_error' | 'crashed' | 'running';

/** One CloudWatch event, understood, with where it came from. */
export type IngestEvent = { eventId: string; timestamp: number; logStreamName: string; record: LogRecord };

/**
 * What a batch of events says about one attempt (START…REPORT of one request id in one stream).
 * With `startedAt`, it begins an attempt; without, it updates the newest attempt of that request in
 * that stream, begun in an earlier batch (attempts span batches).
 */
export type AttemptFragment = {
  logStreamName: string;
  requestId: string;
  /** The time of this fragment's first line: a start estimate when neither START nor REPORT was seen. */
  firstSeenAt: number;
  startedAt?: number;
  endedAt?: number;
  status: AttemptStatus;
  version?: string;
  durationMs?: number;
  billedDurationMs?: number;
  memorySizeMB?: number;
  maxMemoryUsedMB?: number;
  initDurationMs?: number;
  restoreDurationMs?: number;
  coldStart?: boolean;
  initType?: string;
  xrayTraceId?: string;
  errorType?: string;
  errorMessage?: string;
  errorStack?: string;
};
