import type { EndRecord } from './log-record';
import { readRequestId } from './read-request-id';
import { readPlatformFields } from './read-platform-fields';

/** `END RequestId: <id>` (FORMATS.md §1.3), `from` = just after `END`. Null without a request id. */
export function parseEndLine(text: string, from: number): EndRecord | null {
  let requestId: string | undefined;
  readPlatformFields(text, from, (key, value) => {
    if (key === 'RequestId') requestId ??= readRequestId(value);
  });
  return requestId === undefined ? null : { kind: 'end', requestId };
}
