import { readFileSync } from "node:fs";
import MiniSearch from "minisearch";
import type { Fact, FactBase } from "../src/knowledge/schema.js";
import type { Answerer } from "./answerer.js";
import { measureSpeed, type SpeedMeasurement } from "./measure-speed.js";

/**
 * The baseline a user would really pick: MiniSearch, an inverted-index full-text search library, over the
 * fact fields the engine indexes, each boosted by the engine's own field weight, with MiniSearch's usual
 * options for a search box (fuzzy 0.2, prefix). It answers with its top hit and refuses only when it finds none.
 */

/**
 * The fact's own fields the engine indexes (src/knowledge/fact-reading.ts, FIELD_WEIGHTS). The engine also reads its
 * source's title and date (weight 0.3), which MiniSearch is not given: they are not the fact's.
 */
export const MINISEARCH_FIELDS = [
  "statement", "keywords", "aliases", "entities", "questions", "quote", "topic", "attribution", "period",
] as const satisfies readonly (keyof Fact)[];
type Field = (typeof MINISEARCH_FIELDS)[number];

const FACT_READING_SOURCE = new URL("../src/knowledge/fact-reading.ts", import.meta.url);

/**
 * The engine's field weights, read from its source so that MiniSearch's boosts follow the engine's as it is tuned
 * (FIELD_WEIGHTS is not exported, and the bench may not change src/). Throws when a field is missing.
 */
export function engineFieldWeights(source = readFileSync(FACT_READING_SOURCE, "utf8")): Record<Field, number> {
  const block = /const FIELD_WEIGHTS = \{([^}]*)\}/.exec(source)?.[1];
  if (block === undefined) throw new Error(`no FIELD_WEIGHTS in ${FACT_READING_SOURCE.pathname}: update bench/measure-minisearch.ts`);
  const weights = new Map([...block.matchAll(/(\w+):\s*([\d.]+)/g)].map(([, field, weight]) => [field, Number(weight)]));
  return Object.fromEntries(
    MINISEARCH_FIELDS.map((field) => {
      const weight = weights.get(field);
      if (weight === undefined || !Number.isFinite(weight)) {
        throw new Error(`FIELD_WEIGHTS in ${FACT_READING_SOURCE.pathname} has no weight for "${field}": update bench/measure-minisearch.ts`);
      }
      return [field, weight];
    }),
  ) as Record<Field, number>;
}

function extractField(fact: Fact, field: string): string {
  const value = fact[field as keyof Fact];
  if (Array.isArray(value)) return value.join(" ");
  return typeof value === "string" ? value : "";
}

export function buildMiniSearch(base: FactBase, boost: Record<Field, number> = engineFieldWeights()): Answerer {
  const active = base.facts.filter((fact) => fact.status === "active");
  const search = new MiniSearch<Fact>({
    idField: "id",
    fields: [...MINISEARCH_FIELDS],
    extractField,
    searchOptions: { fuzzy: 0.2, prefix: true, boost },
  });
  search.addAll(active);
  const byId = new Map(active.map((fact) => [fact.id, fact]));
  return {
    answer(question) {
      const top = search.search(question)[0];
      const fact = top === undefined ? undefined : byId.get(top.id as string);
      return { answered: fact !== undefined, topFact: fact };
    },
  };
}

export function measureMiniSearch(base: FactBase, questions: readonly string[], warmUp: readonly string[]): SpeedMeasurement {
  const boost = engineFieldWeights();
  return measureSpeed(() => buildMiniSearch(base, boost), (search, question) => search.answer(question), questions, warmUp).speed;
}
