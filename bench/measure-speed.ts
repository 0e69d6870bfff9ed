import { percentile, timeEach, timed } from "./stats.js";

/** What the bench measures of every contender on one fact base. */
export interface SpeedMeasurement {
  p50Ms: number;
  p99Ms: number;
  /** How many questions were timed; below 100, p99 is the slowest of them. */
  timed: number;
  /** How many questions each contender answered before the timed ones. */
  warmUp: number;
  /** p99 of those first questions after the build, while the contender's code still compiles. */
  firstP99Ms: number;
  buildMs: number;
  /** Heap in use right after the build (after a full GC when node runs with --expose-gc), no other contender alive. */
  heapMB: number;
  /** What the build added to the heap: `heapMB` minus the heap just before it. */
  builtMB: number;
}

export function heapUsedMB(): number {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

/**
 * Builds a contender after a full GC (so no earlier contender's garbage is collected on its time), weighs the
 * heap, answers `warmUp` (timed apart, as the first questions after the build), then times each of `questions`.
 * Returns what it built, for further measures.
 */
export function measureSpeed<T>(
  build: () => T,
  answer: (built: T, question: string) => unknown,
  questions: readonly string[],
  warmUp: readonly string[],
): { speed: SpeedMeasurement; built: T } {
  const heapBeforeMB = heapUsedMB();
  const { ms: buildMs, value: built } = timed(build);
  const heapMB = heapUsedMB();
  const firstMs = timeEach(warmUp, (question) => answer(built, question));
  const answerMs = timeEach(questions, (question) => answer(built, question));
  return {
    speed: {
      p50Ms: percentile(answerMs, 50),
      p99Ms: percentile(answerMs, 99),
      timed: questions.length,
      warmUp: warmUp.length,
      firstP99Ms: firstMs.length === 0 ? 0 : percentile(firstMs, 99),
      buildMs,
      heapMB,
      builtMB: heapMB - heapBeforeMB,
    },
    built,
  };
}
