import type { AppRuntime } from './log-record';

/** The language-level OOM markers (FORMATS.md §1.9, as Datadog's forwarder keys on them), most specific first. */
const markers: ReadonlyArray<readonly [string, AppRuntime]> = [
  ['JavaScript heap out of memory', 'node'],
  ['java.lang.OutOfMemoryError', 'java'],
  ['fatal error: runtime: out of memory', 'go'],
  ['NoMemoryError', 'ruby'],
  ['OutOfMemoryException', 'dotnet'],
  ['MemoryError', 'python'],
];

/** The runtime whose out-of-memory marker the text carries, or null. */
export function findOutOfMemoryRuntime(text: string): AppRuntime | null {
  // Every marker contains `emory`: one scan rules out nearly every line before the specific ones.
  if (!text.includes('emory')) return null;
  for (const [marker, runtime] of markers) if (text.includes(marker)) return runtime;
  return null;
}
