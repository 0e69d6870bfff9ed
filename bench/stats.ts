/** Timing and summary helpers for the benchmark. */

/** Nearest-rank percentile (p in 0..100) of `values`, which need not be sorted. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error("percentile of an empty list");
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

/** Runs `fn` once and returns its result with the elapsed wall-clock time in milliseconds. */
export function timed<T>(fn: () => T): { ms: number; value: T } {
  const start = process.hrtime.bigint();
  const value = fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

/** Elapsed milliseconds of each call of `fn` on each input. */
export function timeEach<T>(inputs: readonly T[], fn: (input: T) => unknown): number[] {
  return inputs.map((input) => timed(() => fn(input)).ms);
}
