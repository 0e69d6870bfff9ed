import Fuse from "fuse.js";
import type { FactBase } from "../src/knowledge/schema.js";
import type { Answerer } from "./answerer.js";
import { measureSpeed, type SpeedMeasurement } from "./measure-speed.js";

/**
 * The naive approach the engine replaces: default-option Fuse.js over statement and quote of active facts,
 * a linear scan of every fact per question. It answers with its top hit and refuses only when it finds none.
 */
export function buildFuse(base: FactBase): Answerer {
  const fuse = new Fuse(
    base.facts.filter((fact) => fact.status === "active"),
    { keys: ["statement", "quote"] },
  );
  return {
    answer(question) {
      const top = fuse.search(question)[0]?.item;
      return { answered: top !== undefined, topFact: top };
    },
  };
}

export function measureBaseline(base: FactBase, questions: readonly string[], warmUp: readonly string[]): SpeedMeasurement {
  return measureSpeed(() => buildFuse(base), (fuse, question) => fuse.answer(question), questions, warmUp).speed;
}
