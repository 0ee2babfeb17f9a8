import { parseLogStreamName } from '../lambda-logs';

/**
 * The name of the function whose events a log stream holds, or null when neither names one:
 * `/aws/lambda/<name>` names its function; a shared custom group names it in each stream
 * (FORMATS.md §6.1).
 */
export function findFunctionForStream(stream: { logGroupName: string; logStreamName: string }): string | null {
  const prefix = '/aws/lambda/';
  if (stream.logGroupName.startsWith(prefix)) return stream.logGroupName.slice(prefix.length) || null;
  return parseLogStreamName(stream.logStreamName)?.functionName ?? null;
}
