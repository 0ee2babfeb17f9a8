import { bucketValue, createHistogram, type DurationHistogram } from './duration-histogram';

const ZERO = 48;
const NINE = 57;
const MINUS = 45;
const COMMA = 44;
const SEMICOLON = 59;
/**
 * Counts are summed in a flat array first (a Map update per pair is most of the cost for a busy
 * function's week: 300,000 pairs): indexes −4096…4095 cover 1.6e-18 ms to 6e17 ms. One scratch
 * array, cleared after each call (calls are synchronous), so a series of 168 buckets allocates none.
 */
const DENSE_OFFSET = 4096;
const dense = new Float64Array(2 * DENSE_OFFSET);

/**
 * Merges many encoded histograms (encodeHistogramBuckets) given as one text, each histogram's
 * numbers joined by `,` and histograms by `;` — what Postgres's
 * `string_agg(duration_histogram, ';')` returns over rollup rows (encodeHistogramText). The same result as decoding
 * each and merging them (count, zero count, buckets, estimated extremes; the sum is not encoded),
 * read in one pass without splitting: a day of 200 functions is ~300,000 histograms. Pure.
 */
export function mergeHistogramText(text: string): DurationHistogram {
  const histogram = createHistogram();
  let minIndex = Infinity;
  let maxIndex = -Infinity;
  let value = 0;
  let negative = false;
  let digits = false;
  /** 0: the zero count; then index, count, index, count … */
  let position = 0;
  let index = 0;
  const take = () => {
    if (!digits) return;
    const number = negative ? -value : value;
    if (position === 0) histogram.zeroCount += number;
    else if (position % 2 === 1) index = number;
    else {
      const slot = index + DENSE_OFFSET;
      if (slot >= 0 && slot < dense.length) dense[slot] = (dense[slot] as number) + number;
      else histogram.buckets.set(index, (histogram.buckets.get(index) ?? 0) + number);
      histogram.count += number;
      if (index < minIndex) minIndex = index;
      if (index > maxIndex) maxIndex = index;
    }
    position += 1;
    value = 0;
    negative = false;
    digits = false;
  };
  for (let offset = 0; offset < text.length; offset += 1) {
    const code = text.charCodeAt(offset);
    if (code >= ZERO && code <= NINE) {
      value = value * 10 + (code - ZERO);
      digits = true;
    } else if (code === MINUS) negative = true;
    else if (code === COMMA) take();
    else if (code === SEMICOLON) {
      take();
      position = 0;
    }
  }
  take();
  for (let slot = Math.max(0, minIndex + DENSE_OFFSET); slot <= Math.min(dense.length - 1, maxIndex + DENSE_OFFSET); slot += 1) {
    if (dense[slot] !== 0) histogram.buckets.set(slot - DENSE_OFFSET, dense[slot] as number);
    dense[slot] = 0;
  }
  histogram.count += histogram.zeroCount;
  if (maxIndex >= minIndex) {
    histogram.min = bucketValue(minIndex);
    histogram.max = bucketValue(maxIndex);
  }
  if (histogram.zeroCount > 0) {
    histogram.min = 0;
    histogram.max = Math.max(histogram.max, 0);
  }
  return histogram;
}
