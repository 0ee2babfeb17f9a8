/**
 * A seeded pseudo-random source (mulberry32): the same seed gives the same events on every
 * machine, so two runs of the benchmark store the same rows.
 */
export type SeededRandom = {
  /** Uniform in [0, 1). */
  next: () => number;
  /** Integer in [min, max], both included. */
  int: (min: number, max: number) => number;
  chance: (probability: number) => boolean;
  pick: <T>(items: readonly T[]) => T;
  /** `length` lowercase hex digits. */
  hex: (length: number) => string;
  /** A version-4-shaped UUID, as Lambda's request ids are. */
  uuid: () => string;
  /** Log-normal around `median` (spread σ of the logarithm): durations have a long right tail. */
  logNormal: (median: number, sigma: number) => number;
};

export function createSeededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const hex = (length: number) => {
    let text = '';
    while (text.length < length) text += Math.floor(next() * 4_294_967_296).toString(16).padStart(8, '0');
    return text.slice(0, length);
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    hex,
    uuid: () => {
      const digits = hex(32);
      const variant = '89ab'[Math.floor(next() * 4)] ?? '8';
      return `${digits.slice(0, 8)}-${digits.slice(8, 12)}-4${digits.slice(13, 16)}-${variant}${digits.slice(17, 20)}-${digits.slice(20)}`;
    },
    logNormal: (median, sigma) => {
      // Box–Muller; 1 − u keeps the logarithm finite.
      const normal = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
      return median * Math.exp(sigma * normal);
    },
  };
}
