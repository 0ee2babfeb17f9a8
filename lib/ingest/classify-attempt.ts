import type { ReportRecord } from '../lambda-logs/log-record';
import type { AttemptStatus } from './attempt-fragment';

/** What was seen of an attempt before (or with) its REPORT. */
export type AttemptEvidence = {
  report?: ReportRecord;
  timedOut: boolean;
  runtimeExit?: { errorType: string; outOfMemory: boolean };
  outOfMemoryMarker: boolean;
  functionError: boolean;
  initError?: { errorType?: string; status?: string };
};

/**
 * How an attempt ended, from every signal Lambda leaves (FORMATS.md §8): a timeout beats everything,
 * then a kill for memory, a failed INIT, a runtime exit, and the function's own error.
 */
export function classifyAttempt(evidence: AttemptEvidence): AttemptStatus {
  const { report } = evidence;
  if (evidence.timedOut || report?.status === 'timeout') return 'timeout';
  if (
    report?.errorType === 'Runtime.OutOfMemory' ||
    evidence.runtimeExit?.outOfMemory ||
    evidence.outOfMemoryMarker ||
    // Older REPORTs state no status: a peak at the limit with an exit is the kill.
    (evidence.runtimeExit && report?.maxMemoryUsedMB !== undefined && report.memorySizeMB !== undefined && report.maxMemoryUsedMB >= report.memorySizeMB)
  ) {
    return 'out_of_memory';
  }
  if (evidence.initError) return 'init_error';
  if (evidence.runtimeExit) return 'crashed';
  if (report?.status === 'error' || report?.status === 'failure' || evidence.functionError) return 'error';
  return report ? 'success' : 'running';
}

/** Later evidence can only make an attempt's outcome worse, so statuses merge by this rank. */
const statusRank: Record<AttemptStatus, number> = {
  running: 0,
  success: 1,
  error: 2,
  crashed: 3,
  init_error: 4,
  out_of_memory: 5,
  timeout: 6,
};

/** The status of an attempt whose fragments arrived in several batches. */
export function mergeAttemptStatus(stored: AttemptStatus, update: AttemptStatus): AttemptStatus {
  return statusRank[update] > statusRank[stored] ? update : stored;
}
