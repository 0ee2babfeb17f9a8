/**
 * What consoles and `sam logs` put before a pasted message (FORMATS.md §0.4, §6.4): a log stream
 * name `YYYY/MM/DD/[<fn>][<version>]<32 hex> ` and/or a viewer timestamp `<ISO ts> `.
 */
const prefix = /^(?:\d{4}\/\d{2}\/\d{2}\/\S*\[[^\]\s]+\][0-9a-f]{32}\s+)?(?:\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?\s+)?/;

/** The index where the message proper starts after a viewer prefix; 0 when there is none. */
export function findViewerPrefixEnd(text: string): number {
  return prefix.exec(text)?.[0].length ?? 0;
}
