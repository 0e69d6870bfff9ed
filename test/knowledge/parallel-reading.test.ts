import { describe, expect, it } from "vitest";
import { generateFactBase } from "../../bench/generate-facts.js";
import { FactIndex } from "../../src/knowledge/fact-index.js";
import { factTexts, readingContext, type FactTexts } from "../../src/knowledge/fact-reading.js";
import { readFacts } from "../../src/knowledge/parallel-reading.js";
import type { FactBase } from "../../src/knowledge/schema.js";
import { seedBase } from "../support/seed.js";

const seed = seedBase();
const generated = generateFactBase(1_500, 20_240_601);
/** The seed's facts and sources with generated ones after them: Russian and Chinese translations, names, repeated keywords. */
const base: FactBase = { sources: [...seed.sources, ...generated.sources], facts: [...seed.facts, ...generated.facts] };

/** Everything an index holds, in its order: each fact's terms and what reading it learnt, the vocabulary, the postings. */
function contents(index: FactIndex) {
  return {
    docs: index.docs.map((doc) => [doc.fact.id, doc.terms, doc.statementCount, doc.subjectCount, doc.answerTypes]),
    vocabulary: [...index.vocabulary],
    postings: [...index.postings].map(([term, posting]) => [term, [...posting.docs], [...posting.weights]]),
    names: [...index.names],
  };
}

function read(options: Parameters<typeof readFacts>[3]) {
  const context = readingContext(new Set(), new Map(), new Set(), base.facts.length);
  const sources = new Map(base.sources.map((source) => [source.id, source]));
  const result = readFacts(base.facts, (fact): FactTexts => factTexts(fact, sources.get(fact.sourceId)), context, options);
  return { ...result, terms: context.log.terms, vocabulary: [...(context.vocabulary as Map<string, string>)] };
}

describe("reading facts with a helper thread", () => {
  it("reads part of a large base in a helper, and builds the index one thread would: same terms, numbers, vocabulary, postings", () => {
    const alone = read({ parallelFrom: Infinity });
    const helped = read({ parallelFrom: 1 });
    expect(alone.helped).toBe(0);
    expect(helped.helped).toBeGreaterThan(0);
    expect(helped.helped).toBeLessThan(base.facts.length);
    expect(helped.terms).toEqual(alone.terms);
    expect(helped.vocabulary).toEqual(alone.vocabulary);
    expect(helped.readings).toEqual(alone.readings);
    expect(contents(FactIndex.build(base, { parallelFrom: 1 }))).toEqual(contents(FactIndex.build(base, { parallelFrom: Infinity })));
  });

  it("reads every fact here, with the same result, when the helper cannot start", () => {
    const missing = read({ parallelFrom: 1, helper: new URL("./no-such-worker.ts", import.meta.url) });
    const alone = read({ parallelFrom: Infinity });
    expect(missing.helped).toBe(0);
    expect(missing.terms).toEqual(alone.terms);
    expect(missing.readings).toEqual(alone.readings);
  });

  it("leaves a small base to this thread: a helper would cost more to start than it saves", () => {
    expect(read({}).helped).toBe(0);
  });
});
