import { stringsFor, type Strings } from "../i18n/strings.js";
import { truncate } from "../truncate.js";
import { describeAbstention } from "./abstention.js";
import type { Answer, Engine } from "./engine.js";
import type { Fact, Source } from "./schema.js";

/** The machine-readable shape of an answer that other tools depend on (`ask --json`). */
export interface AnswerJson {
  query: string;
  answered: boolean;
  confidence: number;
  results: { id: string; statement: string; quote: string; score: number; source: { id: string; title: string } }[];
  /** Why there is no answer, in one sentence; null when answered. */
  why: string | null;
}

export function answerToJson(answer: Answer, engine: Engine): AnswerJson {
  return {
    query: answer.query,
    answered: answer.answered,
    confidence: answer.confidence,
    results: answer.results.map(({ fact, score }) => {
      const source = sourceOf(fact, engine);
      return { id: fact.id, statement: fact.statement, quote: fact.quote, score, source: { id: fact.sourceId, title: source?.title ?? fact.sourceId } };
    }),
    why: answer.abstention ? describeAbstention(answer.abstention) : null,
  };
}

export function sourceOf(fact: Fact, engine: Engine): Source | undefined {
  return engine.base.sources.find((source) => source.id === fact.sourceId);
}

/** "2023, inferred" (the first words of the date note), or "date unknown" in the strings' language. */
export function describeSourceDate(source: Source, s: Strings = stringsFor("en")): string {
  if (!source.date) return s.dateUnknown;
  return source.dateNote ? `${source.date}, ${source.dateNote.replace(/[.:;].*$/s, "").toLowerCase()}` : source.date;
}

/** The topics the active facts cover, sorted. */
export function coveredTopics(facts: readonly Fact[]): string[] {
  return [...new Set(facts.filter((fact) => fact.status === "active").map((fact) => fact.topic))].sort();
}

/** User text made safe to echo: no control characters, bounded length. */
export function displayableQuery(query: string, max = 200): string {
  return truncate(query.replace(/[\p{Cc}\p{Cf}]+/gu, " ").replace(/\s+/g, " ").trim(), max);
}
