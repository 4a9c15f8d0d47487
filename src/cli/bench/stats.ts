/**
 * Percentiles and medians of timing samples.
 */

/** Latency percentiles, in milliseconds. */
export interface Percentiles {
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
}

/**
 * The p-th percentile of samples by the nearest-rank method: the smallest sample such that at
 * least p% of the samples are less than or equal to it (so it is always a measured value).
 *
 * @param p from 0 (exclusive) to 100
 * @example percentile([1, 2, 3, 4], 50) // 2
 */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('bench: percentile of no samples');
  if (!(p > 0 && p <= 100)) throw new Error(`bench: percentile must be in (0, 100], got ${p}`);
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1]!;
}

/** The p50, p95 and p99 of samples (milliseconds), rounded to microseconds. */
export function percentiles(samples: readonly number[]): Percentiles {
  return {
    p50Ms: roundMs(percentile(samples, 50)),
    p95Ms: roundMs(percentile(samples, 95)),
    p99Ms: roundMs(percentile(samples, 99)),
  };
}

/** The median of samples (the mean of the two middle ones for an even count). */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new Error('bench: median of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A duration in milliseconds rounded to the microsecond (timers are not finer than that). */
export function roundMs(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
