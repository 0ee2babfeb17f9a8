/**
 * `\r\n` and `\r` become `\n`: the Node runtime turns a message's newlines into `\r` on stdout and
 * Python joins traceback lines with `\r` (FORMATS.md §0.3), so all three are line breaks.
 */
export function normaliseLineBreaks(text: string): string {
  if (!text.includes('\r')) return text;
  return text.replace(/\r\n?/g, '\n');
}
