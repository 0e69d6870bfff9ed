import { buildEngine, type Engine } from "../src/knowledge/engine.js";
import type { Fact, FactBase } from "../src/knowledge/schema.js";
import { QUESTION_LANGUAGES, type ForeignQuestion, type QuestionLanguage } from "./generate-foreign-questions.js";
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

export interface LanguageSpeed {
  p50Ms: number;
  p99Ms: number;
  timed: number;
}

export interface EngineMeasurement extends SpeedMeasurement {
  /** Every build of the base, in order; the last one is the engine measured (`buildMs`). */
  buildsMs: number[];
  /** As many builds of the same base without its translations: what reading them costs. */
  englishBuildsMs: number[];
  /** Median time of `withFacts` swapping in one revised fact. */
  updateMs: number;
  longQuestion: LongQuestionMeasurement;
  /** The mixed-language stream, each language apart and all of it. */
  languages: Record<QuestionLanguage | "all", LanguageSpeed>;
}

/** The questions in Russian, Chinese and a mix of either with English, timed after the English ones. */
export interface ForeignStream {
  questions: readonly ForeignQuestion[];
  warmUp: readonly string[];
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

function withoutTranslations(fact: Fact): Fact {
  const english = { ...fact };
  delete english.translations;
  return english;
}

function languageSpeed(answerMs: readonly number[]): LanguageSpeed {
  return { p50Ms: percentile(answerMs, 50), p99Ms: percentile(answerMs, 99), timed: answerMs.length };
}

/** Times each question of the stream after answering its warm-up, then sums up each language and the whole stream. */
function measureLanguages(engine: Engine, stream: ForeignStream): Record<QuestionLanguage | "all", LanguageSpeed> {
  for (const question of stream.warmUp) engine.answer(question);
  const answerMs = timeEach(stream.questions, (question) => engine.answer(question.text));
  const of = (language: QuestionLanguage) => languageSpeed(answerMs.filter((_, i) => stream.questions[i]!.language === language));
  return { ...(Object.fromEntries(QUESTION_LANGUAGES.map((language) => [language, of(language)])) as Record<QuestionLanguage, LanguageSpeed>), all: languageSpeed(answerMs) };
}

/**
 * Builds the engine for `base` without its translations, then with them, `builds` times each (each build dropped
 * before the next), then times `answer` over `questions` after answering `warmUp` on the last; then swap-ins, long
 * questions and the mixed-language stream.
 */
export function measureEngine(base: FactBase, questions: readonly string[], warmUp: readonly string[], stream: ForeignStream, builds = 1): EngineMeasurement {
  const buildsOf = (facts: FactBase, count: number) => Array.from({ length: count }, () => {
    globalThis.gc?.();
    return timed(() => buildEngine(facts)).ms;
  });
  const englishBuildsMs = buildsOf({ sources: base.sources, facts: base.facts.map(withoutTranslations) }, builds);
  const earlierBuildsMs = buildsOf(base, builds - 1);
  const { speed, built: engine } = measureSpeed(() => buildEngine(base), (built, question) => built.answer(question), questions, warmUp);
  const updateMs = medianUpdateMs(engine, base.facts);
  const { repeated, capitalised } = longQuestions();
  return {
    ...speed,
    buildsMs: [...earlierBuildsMs, speed.buildMs],
    englishBuildsMs,
    updateMs,
    longQuestion: { chars: LONG_QUESTION_CHARS, repeatedMs: timeLongQuestion(engine, repeated), capitalisedMs: timeLongQuestion(engine, capitalised) },
    languages: measureLanguages(engine, stream),
  };
}
