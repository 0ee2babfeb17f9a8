import type { StartRecord } from './log-record';
import { readRequestId } from './read-request-id';
import { readPlatformFields } from './read-platform-fields';

/**
 * `START RequestId: <id> Version: <version>` (FORMATS.md §1.2), `from` = just after `START`. The
 * version is missing in very old logs and follows a tab in the Managed Instances emulator. Null
 * without a request id.
 */
export function parseStartLine(text: string, from: number): StartRecord | null {
  let requestId: string | undefined;
  let version: string | undefined;
  readPlatformFields(text, from, (key, value) => {
    if (key === 'RequestId') requestId ??= readRequestId(value);
    else if (key === 'Version' && value !== '') version ??= value;
  });
  if (requestId === undefined) return null;
  const record: StartRecord = { kind: 'start', requestId, format: 'text' };
  if (version !== undefined) record.version = version;
  return record;
}
