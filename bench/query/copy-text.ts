import { closeSync, openSync, writeSync } from 'node:fs';

/** A value in COPY's text format: `\N` for null, backslash, tab, newline and carriage return escaped. */
export function copyValue(value: string | number | boolean | null): string {
  if (value === null) return '\\N';
  if (typeof value !== 'string') return String(value);
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (char) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[char] as string) : value;
}

/** One row of COPY text: values already formatted by copyValue, tab-separated, newline-ended. */
export const copyRow = (values: readonly string[]): string => `${values.join('\t')}\n`;

/** Collects COPY text into chunks of about `chunkBytes`, for a stream or a file. */
export type CopyBuffer = { push: (row: string) => void; take: () => Buffer | null; full: () => boolean };

export function createCopyBuffer(chunkBytes = 1 << 20): CopyBuffer {
  // Rows are UTF-8-encoded straight into the chunk: no array of strings to join and copy again.
  const fresh = () => Buffer.allocUnsafe(chunkBytes + (64 << 10));
  let chunk = fresh();
  let length = 0;
  return {
    push(row) {
      if (chunk.length - length < row.length * 3) {
        const larger = Buffer.allocUnsafe(Math.max(chunk.length * 2, length + row.length * 3));
        chunk.copy(larger, 0, 0, length);
        chunk = larger;
      }
      length += chunk.write(row, length);
    },
    take() {
      if (length === 0) return null;
      const taken = chunk.subarray(0, length);
      chunk = fresh();
      length = 0;
      return taken;
    },
    full: () => length >= chunkBytes,
  };
}

/** ISO 8601 with milliseconds, as Date#toISOString writes it, formatting the date and minute once per minute. */
export function createIsoFormatter(): (ms: number) => string {
  let minute = Number.NaN;
  let prefix = '';
  return (ms) => {
    const at = Math.floor(ms / 60_000);
    if (at !== minute) {
      minute = at;
      prefix = new Date(at * 60_000).toISOString().slice(0, 17);
    }
    const rest = ms - at * 60_000;
    const seconds = Math.floor(rest / 1000);
    const millis = rest - seconds * 1000;
    return `${prefix}${seconds < 10 ? '0' : ''}${seconds}.${millis < 10 ? '00' : millis < 100 ? '0' : ''}${millis}Z`;
  };
}

/** A scratch file rows are appended to in chunks, to be loaded with COPY later. */
export function createCopyFile(path: string) {
  const fd = openSync(path, 'w');
  const buffer = createCopyBuffer();
  let rows = 0;
  const flush = () => {
    const chunk = buffer.take();
    if (chunk) writeSync(fd, chunk);
  };
  return {
    path,
    push(row: string) {
      buffer.push(row);
      rows += 1;
      if (buffer.full()) flush();
    },
    close(): number {
      flush();
      closeSync(fd);
      return rows;
    },
  };
}
