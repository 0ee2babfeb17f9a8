import { isMeasurement } from './is-measurement';
import type { ReportRecord } from './log-record';
import { readNumber } from './read-number';
import { readRequestId } from './read-request-id';
import { scanPlatformFields } from './scan-platform-fields';

/**
 * A Text `REPORT RequestId: …` event (FORMATS.md §1.4), `from` = just after `REPORT`. Fields are read
 * as an unordered list in one pass, whatever the separators (tab, spaces, ` \t`, one per line) and
 * including the X-Ray line that follows in the same event. Null without a request id.
 */
export function parseReportLine(text: string, from: number): ReportRecord | null {
  const record: ReportRecord = { kind: 'report', format: 'text', requestId: '' };
  scanPlatformFields(text, from, (keyStart, keyEnd, valueStart, valueEnd) => {
    if (valueEnd > valueStart) readField(record, text, keyStart, keyEnd - keyStart, valueStart, valueEnd);
  });
  return record.requestId === '' ? null : record;
}

/** The hot path of ingest: the key is told apart by its length, then confirmed in place (no slicing). */
function readField(record: ReportRecord, text: string, keyStart: number, keyLength: number, valueStart: number, valueEnd: number): void {
  switch (keyLength) {
    case 8:
      if (text.startsWith('Duration', keyStart)) setMetric(record, 'durationMs', text, valueStart, valueEnd);
      return;
    case 15:
      if (text.startsWith('Billed Duration', keyStart)) setMetric(record, 'billedDurationMs', text, valueStart, valueEnd);
      else if (text.startsWith('Max Memory Used', keyStart)) setMetric(record, 'maxMemoryUsedMB', text, valueStart, valueEnd);
      return;
    case 11:
      if (text.startsWith('Memory Size', keyStart)) setMetric(record, 'memorySizeMB', text, valueStart, valueEnd);
      return;
    case 13:
      if (text.startsWith('Init Duration', keyStart)) setMetric(record, 'initDurationMs', text, valueStart, valueEnd);
      return;
    case 16:
      if (text.startsWith('Restore Duration', keyStart)) setMetric(record, 'restoreDurationMs', text, valueStart, valueEnd);
      return;
    case 23:
      if (text.startsWith('Billed Restore Duration', keyStart)) setMetric(record, 'billedRestoreDurationMs', text, valueStart, valueEnd);
      return;
    case 9:
      if (text.startsWith('RequestId', keyStart)) {
        if (record.requestId === '') record.requestId = readRequestId(text.slice(valueStart, valueEnd)) ?? '';
      } else if (text.startsWith('SegmentId', keyStart)) record.xraySegmentId = text.slice(valueStart, valueEnd);
      return;
    case 6:
      if (text.startsWith('Status', keyStart)) {
        const status = text.slice(valueStart, valueEnd);
        if (status === 'timeout' || status === 'error' || status === 'success' || status === 'failure') record.status = status;
      }
      return;
    case 10:
      if (text.startsWith('Error Type', keyStart)) record.errorType = text.slice(valueStart, valueEnd);
      return;
    case 12:
    case 7:
      if (text.startsWith('XRAY TraceId', keyStart) || text.startsWith('TraceId:', keyStart)) record.xrayTraceId = text.slice(valueStart, valueEnd);
      else if (text.startsWith('Sampled', keyStart)) {
        const sampled = text.slice(valueStart, valueEnd);
        if (sampled === 'true' || sampled === 'false') record.xraySampled = sampled === 'true';
      }
      return;
  }
}

type MetricKey = 'durationMs' | 'billedDurationMs' | 'memorySizeMB' | 'maxMemoryUsedMB' | 'initDurationMs' | 'restoreDurationMs' | 'billedRestoreDurationMs';

function setMetric(record: ReportRecord, key: MetricKey, text: string, start: number, end: number): void {
  const number = readNumber(text, start, end);
  if (number !== undefined && isMeasurement(number)) record[key] = number;
}
