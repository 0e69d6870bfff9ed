import type { Engine } from "../src/knowledge/engine.js";
import type { Fact, FactBase } from "../src/knowledge/schema.js";

/**
 * What the bench asks of every contender (the engine, MiniSearch, Fuse.js): answer a question, or refuse.
 * `topFact` is the fact it ranked first (its answer when `answered`).
 */
export interface BenchAnswer {
  answered: boolean;
  topFact: Fact | undefined;
}

export interface Answerer {
  answer(question: string): BenchAnswer;
}

/** The engine seen as an answerer. */
export function engineAnswerer(engine: Engine): Answerer {
  return {
    answer(question) {
      const answer = engine.answer(question);
      return { answered: answer.answered, topFact: answer.results[0]?.fact };
    },
  };
}

/**
 * An answerer dressed as an `Engine`, so `gradeQuestions` (src/knowledge/grade-questions.ts, which reads only
 * `answer(question).answered` and the top result's fact) grades a baseline by exactly the rule it grades the
 * engine by. Only `answer` works: the baselines have nothing to suggest and are never updated in the bench.
 */
export function asGradableEngine(answerer: Answerer, base: FactBase): Engine {
  const engine: Engine = {
    base,
    answer(question) {
      const { answered, topFact } = answerer.answer(question);
      return {
        query: question,
        answered,
        confidence: answered ? 1 : 0,
        results: topFact ? [{ fact: topFact, score: 1 }] : [],
        language: "en",
      };
    },
    suggest: () => [],
    withFacts() {
      throw new Error("a benchmark baseline cannot be updated");
    },
  };
  return engine;
}
