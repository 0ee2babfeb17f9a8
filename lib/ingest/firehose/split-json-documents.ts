const OPEN = 0x7b; // {
const CLOSE = 0x7d; // }
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * The top-level JSON objects of a text, in order: newline-joined (Firehose's "add a new line
 * delimiter"), or back to back (`}{`, when decompression runs without it). Only splits; each
 * piece is parsed by the caller. Throws an Error naming the offset of what is not an object.
 */
export function splitJsonDocuments(text: string): string[] {
  const documents: string[] = [];
  let index = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (isWhitespace(code)) {
      index += 1;
      continue;
    }
    if (code !== OPEN) throw new Error(`expected a JSON object at offset ${index}, found ${JSON.stringify(text.slice(index, index + 20))}`);
    const end = findObjectEnd(text, index);
    if (end < 0) throw new Error(`the JSON object at offset ${index} is not closed (truncated?)`);
    documents.push(text.slice(index, end + 1));
    index = end + 1;
  }
  return documents;
}

/** The index of the `}` closing the object opened at `start`, or -1. Braces inside strings do not count. */
function findObjectEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let index = start; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === BACKSLASH) index += 1;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) {
      inString = true;
    } else if (code === OPEN) {
      depth += 1;
    } else if (code === CLOSE) {
      depth -= 1;
      if (depth === 0) return index;
    }
  }
  return -1;
}

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}
