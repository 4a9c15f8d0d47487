/**
 * Seeded randomness for the benchmark: the same seed gives the same corpus and the same queries
 * on every machine, so only the timings differ between runs.
 */

/** A deterministic source of random numbers. */
export interface Random {
  /** A number in [0, 1). */
  next(): number;
  /** A whole number in [min, max], both included. */
  int(min: number, max: number): number;
  /** One element of a non-empty list, uniformly. */
  pick<T>(items: readonly T[]): T;
}

/**
 * A seeded PRNG (mulberry32: 32-bit state, fast, good enough for test data, not for secrets).
 *
 * @example createRandom(1).int(1, 6) // the same number on every run
 */
export function createRandom(seed: number): Random {
  if (!Number.isInteger(seed)) throw new Error(`bench: seed must be a whole number, got ${seed}`);
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => {
      if (items.length === 0) throw new Error('bench: cannot pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
  };
}

/**
 * Draw indexes with given weights (index i with probability weights[i] / sum), in O(log n).
 *
 * @example const draw = weightedSampler([3, 1]); draw(random) // 0 three times as often as 1
 */
export function weightedSampler(weights: readonly number[]): (random: Random) => number {
  if (weights.length === 0) throw new Error('bench: a sampler needs at least one weight');
  const cumulative = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => {
    if (!(w >= 0)) throw new Error(`bench: weight ${i} is ${w}, expected a number ≥ 0`);
    sum += w;
    cumulative[i] = sum;
  });
  if (sum <= 0) throw new Error('bench: weights sum to zero');
  return (random) => {
    const x = random.next() * sum;
    // The first index whose cumulative weight exceeds x.
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

/**
 * Zipf weights for ranks 1..n: rank r has weight 1 / r^exponent, as word frequencies in natural
 * text roughly do (exponent near 1).
 */
export function zipfWeights(n: number, exponent = 1): number[] {
  return Array.from({ length: n }, (_, i) => 1 / (i + 1) ** exponent);
}
