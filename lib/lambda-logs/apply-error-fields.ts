import type { AppRecord } from './log-record';
import type { JsonObject } from './parse-json-object';

/**
 * Copies an error's `errorType`, `errorMessage` and stack onto the record: Node's text payload calls
 * the stack `stack`, the JSON formats `stackTrace` (FORMATS.md §2.1, §4.2); both are arrays of lines.
 */
export function applyErrorFields(record: AppRecord, source: JsonObject): void {
  if (typeof source.errorType === 'string') record.errorType = source.errorType;
  if (typeof source.errorMessage === 'string') record.errorMessage = source.errorMessage;
  const stack = Array.isArray(source.stackTrace) ? source.stackTrace : Array.isArray(source.stack) ? source.stack : null;
  if (stack) record.stackTrace = stack.filter((line): line is string => typeof line === 'string');
}
