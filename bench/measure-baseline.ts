import Fuse from "fuse.js";
import type { FactBase } from "../src/knowledge/schema.js";
import { percentile, timeEach } from "./stats.js";

export interface BaselineMeasurement {
  p50Ms: number;
  p99Ms: number;
  /** How many questions were timed. */
  timed: number;
}

/** The naive approach the engine replaces: default-option Fuse.js over statement and quote of active facts. */
export function measureBaseline(base: FactBase, questions: readonly string[], warmUp: readonly string[]): BaselineMeasurement {
  const fuse = new Fuse(
    base.facts.filter((fact) => fact.status === "active"),
    { keys: ["statement", "quote"] },
  );
  for (const question of warmUp) fuse.search(question);
  const searchMs = timeEach(questions, (question) => fuse.search(question));
  return { p50Ms: percentile(searchMs, 50), p99Ms: percentile(searchMs, 99), timed: questions.length };
}
