import { buildEngine, type Engine } from "../src/knowledge/engine.js";
import type { Fact, FactBase } from "../src/knowledge/schema.js";
import { percentile, timeEach, timed } from "./stats.js";

export interface EngineMeasurement {
  p50Ms: number;
  p99Ms: number;
  buildMs: number;
  /** Median time of `withFacts` swapping in one revised fact. */
  updateMs: number;
  /** Heap in use right after the build (after a full GC when node runs with --expose-gc). */
  heapMB: number;
}

const UPDATE_REPETITIONS = 5;

function heapUsedMB(): number {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

/** The fact as an editor might revise it: reworded statement, different keywords, next revision. */
function revise(fact: Fact): Fact {
  return {
    ...fact,
    statement: `${fact.statement.replace(/\.$/, "")}, according to revised figures.`,
    keywords: ["revised figures", ...fact.keywords.slice(1, 7)],
    revision: fact.revision + 1,
    updatedAt: new Date().toISOString(),
    updatedBy: "bench",
  };
}

/** Median over several different facts, spread across the base, each swapped into the original engine. */
function medianUpdateMs(engine: Engine, facts: readonly Fact[]): number {
  const repetitions = Math.min(UPDATE_REPETITIONS, facts.length);
  const changed = Array.from({ length: repetitions }, (_, i) =>
    revise(facts[Math.floor(((i + 0.5) * facts.length) / repetitions)] as Fact),
  );
  return percentile(timeEach(changed, (fact) => engine.withFacts([fact])), 50);
}

/** Builds the engine for `base`, then times `answer` over `questions` after answering `warmUp`. */
export function measureEngine(base: FactBase, questions: readonly string[], warmUp: readonly string[]): EngineMeasurement {
  const build = timed(() => buildEngine(base));
  const engine = build.value;
  const heapMB = heapUsedMB();
  for (const question of warmUp) engine.answer(question);
  const answerMs = timeEach(questions, (question) => engine.answer(question));
  return {
    p50Ms: percentile(answerMs, 50),
    p99Ms: percentile(answerMs, 99),
    buildMs: build.ms,
    updateMs: medianUpdateMs(engine, base.facts),
    heapMB,
  };
}
