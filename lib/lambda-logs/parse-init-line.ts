import type { InitReportRecord, InitStartRecord, Phase, RestoreReportRecord, RestoreStartRecord } from './log-record';
import { dropUndefined } from './drop-undefined';
import { isMeasurement } from './is-measurement';
import { readNumber } from './read-number';
import { readPlatformFields } from './read-platform-fields';

export type InitKeyword = 'INIT_START' | 'INIT_REPORT' | 'RESTORE_START' | 'RESTORE_REPORT';
type InitLineRecord = InitStartRecord | InitReportRecord | RestoreStartRecord | RestoreReportRecord;

/**
 * The execution-environment lines (FORMATS.md §1.1, §1.5, §1.6), `from` = just after the keyword:
 * `INIT_START`/`RESTORE_START Runtime Version: …\tRuntime Version ARN: …`,
 * `INIT_REPORT Init Duration: … ms\tPhase: …\tStatus: …[\tError Type: …]`,
 * `RESTORE_REPORT Restore Duration: … ms[\tStatus: …\tError Type: …]`. Every field is optional.
 */
export function parseInitLine(text: string, keyword: InitKeyword, from: number): InitLineRecord {
  const fields: { runtimeVersion?: string; runtimeVersionArn?: string; durationMs?: number; phase?: Phase; status?: string; errorType?: string } = {};
  readPlatformFields(text, from, (key, value) => {
    if (value === '') return;
    switch (key) {
      case 'Runtime Version':
        fields.runtimeVersion ??= value;
        return;
      case 'Runtime Version ARN':
        fields.runtimeVersionArn ??= value;
        return;
      case 'Init Duration':
      case 'Restore Duration': {
        const duration = readNumber(value);
        if (duration !== undefined && isMeasurement(duration)) fields.durationMs ??= duration;
        return;
      }
      case 'Phase':
        if (value === 'init' || value === 'invoke') fields.phase = value;
        return;
      case 'Status':
        fields.status = value;
        return;
      case 'Error Type':
        fields.errorType = value;
        return;
    }
  });
  switch (keyword) {
    case 'INIT_START':
      return dropUndefined({ kind: 'init-start', format: 'text', runtimeVersion: fields.runtimeVersion, runtimeVersionArn: fields.runtimeVersionArn });
    case 'RESTORE_START':
      return dropUndefined({ kind: 'restore-start', runtimeVersion: fields.runtimeVersion, runtimeVersionArn: fields.runtimeVersionArn });
    case 'INIT_REPORT':
      return dropUndefined({ kind: 'init-report', format: 'text', durationMs: fields.durationMs, phase: fields.phase, status: fields.status, errorType: fields.errorType });
    case 'RESTORE_REPORT':
      return dropUndefined({ kind: 'restore-report', durationMs: fields.durationMs, status: fields.status, errorType: fields.errorType });
  }
}
