import { buildEngine, type Engine } from "../src/knowledge/engine.js";
import type { Fact, FactBase } from "../src/knowledge/schema.js";
import { measureSpeed, type SpeedMeasurement } from "./measure-speed.js";
import { percentile, timeEach, timed } from "./stats.js";

export interface LongQuestionMeasurement {
  /** Length of each question, in characters. */
  chars: number;
  /** A real question repeated to that length. */
  repeatedMs: number;
  /** Distinct capitalised words (names the base does not know) to that length. */
  capitalisedMs: number;
}

export interface EngineMeasurement extends SpeedMeasurement {
  /** Median time of `withFacts` swapping in one revised fact. */
  updateMs: number;
  longQuestion: LongQuestionMeasurement;
}

const UPDATE_REPETITIONS = 5;
export const LONG_QUESTION_CHARS = 3_000_000;
const LONG_QUESTION = "How much did Liaoning export to Russia in the first nine months? ";
/** Stop repeating a long-question timing once this much time went on it: one slow run is verdict enough. */
const LONG_QUESTION_BUDGET_MS = 3_000;
const LONG_QUESTION_REPETITIONS = 3;

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

/** `text` repeated to exactly `chars` characters. */
const repeatTo = (text: string, chars: number): string => text.repeat(Math.ceil(chars / text.length)).slice(0, chars);

/** "Bababado Dobabado Kibabado …": distinct capitalised made-up words, as many as fit in `chars` characters. */
function capitalisedWords(chars: number): string {
  const syllables = ["ba", "do", "ki", "lu", "me", "no", "ra", "si", "ta", "vo", "ze", "gu", "pe", "xi", "ya", "ho"];
  const parts: string[] = [];
  let length = 0;
  for (let n = 0; length < chars; n++) {
    let word = "";
    for (let rest = n + 4096; rest > 0; rest = Math.floor(rest / syllables.length)) word += syllables[rest % syllables.length];
    const name = word.charAt(0).toUpperCase() + word.slice(1);
    parts.push(name);
    length += name.length + 1;
  }
  return parts.join(" ").slice(0, chars);
}

export function longQuestions(chars = LONG_QUESTION_CHARS): { repeated: string; capitalised: string } {
  return { repeated: repeatTo(LONG_QUESTION, chars), capitalised: capitalisedWords(chars) };
}

/** Median of up to three answers to `question`, fewer when the first ones already took seconds. */
function timeLongQuestion(engine: Engine, question: string): number {
  const runs: number[] = [];
  let spent = 0;
  while (runs.length < LONG_QUESTION_REPETITIONS && (runs.length === 0 || spent < LONG_QUESTION_BUDGET_MS)) {
    const { ms } = timed(() => engine.answer(question));
    runs.push(ms);
    spent += ms;
  }
  return percentile(runs, 50);
}

/** Builds the engine for `base`, then times `answer` over `questions` after answering `warmUp`; then swap-ins and long questions. */
export function measureEngine(base: FactBase, questions: readonly string[], warmUp: readonly string[]): EngineMeasurement {
  const { speed, built: engine } = measureSpeed(() => buildEngine(base), (built, question) => built.answer(question), questions, warmUp);
  const updateMs = medianUpdateMs(engine, base.facts);
  const { repeated, capitalised } = longQuestions();
  return {
    ...speed,
    updateMs,
    longQuestion: { chars: LONG_QUESTION_CHARS, repeatedMs: timeLongQuestion(engine, repeated), capitalisedMs: timeLongQuestion(engine, capitalised) },
  };
}
