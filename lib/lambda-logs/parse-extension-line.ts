import type { ExtensionRecord, SubscriptionRecord } from './log-record';
import { parseBracketList } from './parse-bracket-list';
import { readPlatformFields } from './read-platform-fields';

export type ExtensionKeyword = 'EXTENSION' | 'TELEMETRY' | 'LOGS';

/**
 * `EXTENSION\tName: …\tState: …\tEvents: […]\t[Error Type: …]` and the subscription lines
 * `TELEMETRY|LOGS\tName: …\tState: …\tTypes: […]` (FORMATS.md §1.7), `from` = just after the
 * keyword. Null without a name: the keyword alone is not enough to call it one.
 */
export function parseExtensionLine(text: string, keyword: ExtensionKeyword, from: number): ExtensionRecord | SubscriptionRecord | null {
  let name: string | undefined;
  let state = '';
  let list: string[] = [];
  let errorType: string | undefined;
  readPlatformFields(text, from, (key, value) => {
    if (key === 'Name') name ??= value;
    else if (key === 'State') state = value;
    else if (key === 'Events' || key === 'Types') list = parseBracketList(value);
    else if (key === 'Error Type' && value !== '') errorType = value;
  });
  if (name === undefined || name === '') return null;
  if (keyword !== 'EXTENSION') return { kind: 'subscription', api: keyword === 'LOGS' ? 'logs' : 'telemetry', name, state, types: list };
  const record: ExtensionRecord = { kind: 'extension', name, state, events: list };
  if (errorType !== undefined) record.errorType = errorType;
  return record;
}
