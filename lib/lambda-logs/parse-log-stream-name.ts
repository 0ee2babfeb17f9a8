/** FORMATS.md §6.1: `YYYY/MM/DD/[<function name>][<version>]<32 hex>`; the name only in custom log groups. */
const streamName = /^(\d{4})\/(\d{2})\/(\d{2})\/(?:(.+?))?\[([^\]]+)\]([0-9a-f]{32})$/;

export type LogStreamName = { date?: string; functionName?: string; version?: string; environmentId?: string };

/** A Lambda log stream name's parts (date as `YYYY-MM-DD`), or null when the name is not one. */
export function parseLogStreamName(name: string): LogStreamName | null {
  const match = typeof name === 'string' ? streamName.exec(name) : null;
  if (!match) return null;
  const [, year, month, day, functionName, version, environmentId] = match;
  const parts: LogStreamName = { date: `${year}-${month}-${day}` };
  if (functionName !== undefined) parts.functionName = functionName;
  if (version !== undefined) parts.version = version;
  if (environmentId !== undefined) parts.environmentId = environmentId;
  return parts;
}
