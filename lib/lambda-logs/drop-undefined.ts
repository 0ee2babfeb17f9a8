import type { LogRecord } from './log-record';

/**
 * The record without its undefined-valued keys, so an absent field is absent (`'x' in record` is
 * false, NDJSON output stays short). For the rarer lines only: the hot paths assign conditionally.
 */
export function dropUndefined<T extends LogRecord>(record: T): T {
  for (const key of Object.keys(record) as Array<keyof T>) if (record[key] === undefined) delete record[key];
  return record;
}
