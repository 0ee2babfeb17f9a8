/**
 * The decimal number written at `[start, end)` (`190.62`, `128`, `1.28E8`), read without slicing
 * on the common plain-decimal shape; undefined when empty or not a number (masked `XXXX`, a cut-off
 * line). Plain decimals are exact integers divided by a power of ten, which rounds exactly as
 * `Number()` does.
 */
export function readNumber(text: string, start = 0, end = text.length): number | undefined {
  if (start >= end) return undefined;
  let whole = 0;
  let fraction = 0;
  let scale = 1;
  let inFraction = false;
  let digits = 0;
  for (let index = start; index < end; index += 1) {
    const code = text.charCodeAt(index);
    if (code >= 48 && code <= 57) {
      digits += 1;
      if (inFraction) {
        fraction = fraction * 10 + (code - 48);
        scale *= 10;
      } else whole = whole * 10 + (code - 48);
    } else if (code === 46 && !inFraction) inFraction = true;
    else return readOther(text.slice(start, end));
  }
  if (digits === 0) return undefined;
  // 15 digits keep every step exact; longer ones take Number()'s path.
  if (digits > 15) return readOther(text.slice(start, end));
  return inFraction ? (whole * scale + fraction) / scale : whole;
}

function readOther(value: string): number | undefined {
  if (value === '' || value === '.') return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}
