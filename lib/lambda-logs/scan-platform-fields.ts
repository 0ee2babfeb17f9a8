/**
 * Receives one `Key: value [unit]` pair as positions in the text (`[keyStart, keyEnd)`,
 * `[valueStart, valueEnd)`), so the hot REPORT path slices nothing it does not keep.
 */
export type FieldVisitor = (keyStart: number, keyEnd: number, valueStart: number, valueEnd: number) => void;

const COLON = 58;
const OPEN_BRACKET = 91;

const isWhitespace = (code: number) => code === 32 || code === 9 || code === 10 || code === 13;
const isBlank = (code: number) => code === 32 || code === 9;

/**
 * Reads the `Key: value [unit]` pairs of a platform line in one left-to-right pass from `from`
 * (FORMATS.md §1.4): keys may hold spaces (`Billed Restore Duration`) and come in any order; pairs
 * are separated by tabs, runs of spaces, ` \t`, or line breaks (pasted copies, the X-Ray line). A
 * key never spans a line break. A value is one token, or a `[…]` list (EXTENSION `Events:`); a
 * `ms`/`MB` unit after it is skipped. A key runs from the end of the previous pair to its colon,
 * which is what keeps `Billed Duration` from matching `Duration`, whatever the order. Colons and
 * line breaks are found with indexOf (native): only values are walked character by character.
 */
export function scanPlatformFields(text: string, from: number, visit: FieldVisitor): void {
  const end = text.length;
  let index = from;
  let lineFeed = -2;
  let carriageReturn = -2;
  while (index < end) {
    while (index < end && isWhitespace(text.charCodeAt(index))) index += 1;
    const colon = text.indexOf(':', index);
    if (colon < 0) return;
    let keyStart = index;
    // A key never spans a line break: start after the last one before the colon.
    if (lineFeed !== -1 && lineFeed < keyStart) lineFeed = text.indexOf('\n', keyStart);
    while (lineFeed !== -1 && lineFeed < colon) {
      keyStart = lineFeed + 1;
      lineFeed = text.indexOf('\n', keyStart);
    }
    if (carriageReturn !== -1 && carriageReturn < keyStart) carriageReturn = text.indexOf('\r', keyStart);
    while (carriageReturn !== -1 && carriageReturn < colon) {
      keyStart = carriageReturn + 1;
      carriageReturn = text.indexOf('\r', keyStart);
    }
    let keyEnd = colon;
    while (keyEnd > keyStart && isWhitespace(text.charCodeAt(keyEnd - 1))) keyEnd -= 1;
    while (keyStart < keyEnd && isWhitespace(text.charCodeAt(keyStart))) keyStart += 1;

    index = colon + 1;
    while (index < end && isBlank(text.charCodeAt(index))) index += 1;
    const valueStart = index;
    if (text.charCodeAt(index) === OPEN_BRACKET) {
      const close = text.indexOf(']', index);
      index = close < 0 ? end : close + 1;
    } else {
      while (index < end && !isWhitespace(text.charCodeAt(index))) index += 1;
    }
    let valueEnd = index;
    // `Key: \tNext: x` — an empty value; the token read is the next key, so read it again as one.
    if (valueEnd > valueStart && text.charCodeAt(valueEnd - 1) === COLON) {
      index = valueStart;
      valueEnd = valueStart;
    }

    let unitAt = index;
    while (unitAt < end && isBlank(text.charCodeAt(unitAt))) unitAt += 1;
    if (unitAt + 1 < end && (unitAt + 2 === end || isWhitespace(text.charCodeAt(unitAt + 2)))) {
      const first = text.charCodeAt(unitAt);
      const second = text.charCodeAt(unitAt + 1);
      // `ms` or `MB`
      if ((first === 109 && second === 115) || (first === 77 && second === 66)) index = unitAt + 2;
    }
    visit(keyStart, keyEnd, valueStart, valueEnd);
  }
}
