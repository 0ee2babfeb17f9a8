/**
 * Value patterns, most specific first. One left-to-right scan applies them all, so a timestamp is
 * never read as a run of integers and a request id never as hex. Everything that is not a value
 * (keywords, field names, tabs, spaces, `\r`, `\n`) is left exactly as it was.
 */
const valuePatterns: ReadonlyArray<readonly [placeholder: string, source: string]> = [
  // Values the source authors masked (`XXXX`, `XXXX-XX-XX XX:XX:XX.XXX`, `XXXX-XXXX-XXXX-XXXX-XXXX`).
  ['<masked>', String.raw`X{4}(?:[-:. T]X{2,4})+(?:[-+]X{2}:X{2})?|\bX{4,}\b`],
  ['<ts>', String.raw`\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?`],
  ['<arn>', String.raw`\barn:aws[a-z-]*:[^\s"',}\]]+`],
  // `nodejs:18.v18`, `python:3.13.v14`, `nodejs:22.mainline.v122`, `nodejs-14.v3`.
  ['<runtime>', String.raw`\b(?:nodejs|python|java|dotnet|ruby|provided)[:-][\w.]*?\bv\d+\b`],
  // X-Ray trace ids (`1-5d83c0ad-b8eb33a0b1de97d804fac890`; the docs put `xmpl` in them).
  ['<hex>', String.raw`\b1-[0-9a-f]{8}-[0-9a-z]{24}\b`],
  // UUID request ids, and the docs' fake ones such as `8f507cfc-xmpl-4697-b07a-ac58fc914c95`.
  ['<id>', String.raw`\b[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12}\b`],
  // Segment ids, environment ids, dash-less request ids: 16+ hex-ish characters with a digit.
  ['<hex>', String.raw`\b(?=[0-9a-z]*\d)[0-9a-z]{16,}\b`],
  ['<f>', String.raw`\b\d+\.\d+\b`],
  ['<n>', String.raw`\b\d+\b`],
];

const scanner = new RegExp(valuePatterns.map(([, source]) => `(${source})`).join('|'), 'g');

/** Replaces every value in `text` by its typed placeholder and keeps all other characters. */
export function replaceValues(text: string): string {
  return text.replace(scanner, (...groups: unknown[]) => {
    const index = groups.slice(1, valuePatterns.length + 1).findIndex((group) => group !== undefined);
    return valuePatterns[index]?.[0] ?? String(groups[0]);
  });
}
