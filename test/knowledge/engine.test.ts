import { describe, expect, it } from "vitest";
import { buildEngine } from "../../src/knowledge/engine.js";
import { mergeFacts } from "../../src/knowledge/merge-facts.js";
import type { Fact } from "../../src/knowledge/schema.js";
import { seedBase, seedEngine, seedFact } from "../support/seed.js";

const engine = seedEngine();
const topId = (question: string) => engine.answer(question).results[0]?.fact.id;

describe("answering", () => {
  it("answers with the fact, its score and a confidence", () => {
    const answer = engine.answer("How much did Liaoning export to Russia?");
    expect(answer.answered).toBe(true);
    expect(answer.query).toBe("How much did Liaoning export to Russia?");
    expect(answer.results[0]?.fact.id).toBe("liaoning-exports-to-russia-value");
    expect(answer.confidence).toBeGreaterThan(0.5);
    expect(answer.confidence).toBeLessThanOrEqual(1);
    const scores = answer.results.map((result) => result.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("reads what the question asks for: an amount or a change", () => {
    expect(topId("How much did Liaoning export to Russia?")).toBe("liaoning-exports-to-russia-value");
    expect(topId("By how much did Liaoning's exports to Russia grow?")).toBe("liaoning-exports-to-russia-growth");
  });

  it("forgives typos and word order", () => {
    expect(topId("Lioaning exprots to Rusia")).toBe(topId("Liaoning exports to Russia"));
    expect(topId("russia liaoning exports")).toBe(topId("liaoning exports russia"));
    expect(engine.answer("vladivostock port").answered).toBe(true);
  });

  it("matches figures written in other ways", () => {
    expect(topId("$5.83bn")).toBe("liaoning-exports-to-russia-value");
    expect(engine.answer("21.18 billion dollars").results[0]?.fact.statement).toContain("$21.18 billion");
  });

  it("takes, of facts that match a question about equally well, the one with an example question asked the same way", () => {
    expect(topId("can jilin ship stuff thru vladivostok")).toBe("jilin-vladivostok-shipping-route");
    expect(topId("why does jilin ship thru vladivostok")).toBe("jilin-route-cuts-cost-and-time");
    const [route, savings] = [seedFact("jilin-vladivostok-shipping-route"), seedFact("jilin-route-cuts-cost-and-time")];
    const swapped = buildEngine({ sources: seedBase().sources, facts: mergeFacts(seedBase().facts, [{ ...route, questions: savings.questions }, { ...savings, questions: route.questions }]) });
    expect(swapped.answer("can jilin ship stuff thru vladivostok").results[0]?.fact.id).toBe("jilin-route-cuts-cost-and-time");
  });

  it("does not take an example question for the same question when it names something the question does not", () => {
    expect(topId("who from russia attended the conference in shenyang")).toBe("russian-attendees-at-conference");
  });

  it("prefers, of facts that match alike, the one about just the names the question asks about", () => {
    expect(topId("who from russia attended")).toBe("russian-attendees-at-conference");
    expect(topId("俄罗斯那边来了哪些人参会")).toBe("russian-attendees-at-conference");
  });

  it("abstains on questions about places the fact base never mentions", () => {
    for (const question of ["How much did Liaoning export to Kazakhstan?", "How much did China trade with Japan in September?"]) {
      expect(engine.answer(question).answered, question).toBe(false);
    }
  });

  it("abstains on a name it does not know, written with a capital or a known Chinese or Russian place", () => {
    for (const question of [
      "How much did Harbin export to Russia in the first nine months?",
      "What did Medvedev say about Heilongjiang in September?",
      "how many russian companies set up in dalian between january and september",
      "Did Khabarovsk sign cooperation agreements?",
    ]) {
      expect(engine.answer(question).answered, question).toBe(false);
    }
    expect(engine.answer("How much did Liaoning export to Russia?").answered).toBe(true);
  });

  it("reads a country written as capitals as that country, not as 'us': U.S. exports are no province's", () => {
    for (const question of ["U.S. exports to Russia", "What were US exports to Russia?", "how much did the UK export to russia"]) {
      expect(engine.answer(question).answered, question).toBe(false);
    }
    for (const question of ["tell us about liaoning exports to russia", "How much did Liaoning export to Russia in US dollars?", "Liaoning exports to Russia in US$?", "TELL US HOW MUCH LIAONING EXPORTED TO RUSSIA"]) {
      expect(engine.answer(question).results[0]?.fact.id, question).toBe("liaoning-exports-to-russia-value");
      expect(engine.answer(question).answered, question).toBe(true);
    }
  });

  it("reads the United States and the EU in lowercase chat, in Russian and in Chinese as trade partners the base never names", () => {
    for (const question of [
      "how much did china trade w the us in september", "china-us trade september", "торговля сша и китая в сент сколько млрд", "9月中美贸易额多少亿美元？",
      "how much did liaoning exports to the eu grow in the first nine months", "насколько вырос экспорт ляонина в евросоюз за первые девять месяцев",
    ]) {
      expect(engine.answer(question).answered, question).toBe(false);
    }
    for (const question of ["can you tell us china russia trade in september", "give us the china russia trade figure for september"]) {
      expect(engine.answer(question).results[0]?.fact.id, question).toBe("china-russia-trade-september-value");
      expect(engine.answer(question).answered, question).toBe(true);
    }
  });

  it("abstains when the best fact does not mention a name the question asks about", () => {
    const answer = engine.answer("What did Putin say about Heilongjiang?");
    expect(answer.answered).toBe(false);
    expect(answer.results.length).toBeGreaterThan(0);
  });

  it("abstains when an ordinal before a superlative asks for another rank than the fact states", () => {
    for (const question of ["What is the second largest port in the Russian Far East?", "third-biggest port in the far east", "второй по величине порт Дальнего Востока", "远东第二大港口是哪个"]) {
      expect(engine.answer(question).abstention, question).toMatchObject({ reason: "slot", miss: { slot: "word" } });
    }
    expect(topId("What is the largest port in the Russian Far East?")).toBe("vladivostok-largest-far-east-port");
    expect(engine.answer("крупнейший порт Дальнего Востока").answered).toBe(true);
  });

  it("abstains when a fact shares only figures and units with the question: an exchange rate is no trade figure", () => {
    for (const question of ["how many yuan is one dollar", "сколько юаней в долларе", "一美元等于多少人民币"]) {
      expect(engine.answer(question).answered, question).toBe(false);
    }
    expect(engine.answer("how many yuan did liaoning export").answered).toBe(true);
  });

  it("abstains on off-topic questions", () => {
    for (const question of ["How do I make sourdough bread?", "Who is the CEO of Tesla?", "qwertyuiop"]) {
      expect(engine.answer(question).answered, question).toBe(false);
    }
  });

  it.each([
    ["empty", ""],
    ["whitespace", "   \t\n "],
    ["10,000 characters", "liaoning exports ".repeat(600).slice(0, 10_000)],
    ["emoji", "🚂🇨🇳🇷🇺💰"],
    ["control characters", "\u0000\u0007\u001b[31m\u0008"],
  ])("gives an honest no-answer to %s input", (_name, question) => {
    const answer = engine.answer(question);
    expect(answer.query).toBe(question);
    if (!question.includes("liaoning")) expect(answer.answered).toBe(false);
    expect(Number.isFinite(answer.confidence)).toBe(true);
  });
});

describe("changing facts", () => {
  const retire = (fact: Fact): Fact => ({ ...fact, status: "retired", revision: fact.revision + 1 });

  it("never answers from a retired fact, and leaves the old engine as it was", () => {
    const value = seedFact("vladivostok-largest-far-east-port");
    const next = engine.withFacts([retire(value)]);
    expect(next.answer("largest port in the Russian Far East").results.map((r) => r.fact.id)).not.toContain(value.id);
    expect(topId("largest port in the Russian Far East")).toBe(value.id);
  });

  it("answers from an added fact, typos included", () => {
    const fact: Fact = {
      ...seedFact("shenyang-capital-of-liaoning"),
      id: "harbin-capital-of-heilongjiang",
      statement: "Harbin is the provincial capital of Heilongjiang.",
      quote: "Heilongjiang",
      entities: ["Harbin", "Heilongjiang"],
      keywords: ["harbin", "capital"],
      questions: ["What is the capital of Heilongjiang?"],
    };
    const next = engine.withFacts([fact]);
    expect(next.answer("What is the capital of Heilongjiang?").results[0]?.fact.id).toBe(fact.id);
    expect(next.answer("harbni capital").results[0]?.fact.id).toBe(fact.id);
    expect(engine.answer("harbin capital").results.map((r) => r.fact.id)).not.toContain(fact.id);
  });

  it("ranks exactly as a full rebuild would", () => {
    const base = seedBase();
    const changed = [
      retire(seedFact("xi-putin-beijing-meeting")),
      { ...seedFact("northeast-china-provinces"), keywords: ["dongbei", "three provinces", "manchuria"], revision: 2 },
    ];
    const updated = engine.withFacts(changed);
    const rebuilt = buildEngine({ sources: base.sources, facts: mergeFacts(base.facts, changed) });
    for (const question of ["Where did Xi and Putin meet?", "three provinces of manchuria", "Liaoning exports", "Which provinces are in the northeast?"]) {
      const a = updated.answer(question);
      const b = rebuilt.answer(question);
      expect(a.answered, question).toBe(b.answered);
      expect(a.results.map((r) => [r.fact.id, r.score]), question).toEqual(b.results.map((r) => [r.fact.id, r.score]));
    }
  });
});

describe("suggestions for autocomplete", () => {
  it("stays within Discord's limits and uses fact ids as values", () => {
    for (const partial of ["", "l", "liaon", "How much did Liaoning", "x".repeat(500), "🚂"]) {
      const suggestions = engine.suggest(partial);
      expect(suggestions.length).toBeLessThanOrEqual(25);
      for (const { name, value } of suggestions) {
        expect(name.length).toBeGreaterThan(0);
        expect(name.length).toBeLessThanOrEqual(100);
        expect(engine.base.facts.some((fact) => fact.id === value)).toBe(true);
      }
    }
  });

  it("completes the word being typed", () => {
    expect(engine.suggest("vladiv")[0]?.value).toMatch(/vladivostok/);
    expect(engine.suggest("how much did liaoning exp").slice(0, 2).map((s) => s.value)).toContain("liaoning-exports-to-russia-value");
  });

  it("puts facts whose id starts with the text first", () => {
    expect(engine.suggest("jilin-route")[0]?.value).toBe("jilin-route-cuts-cost-and-time");
  });

  it("offers no retired fact", () => {
    const next = engine.withFacts([{ ...seedFact("vladivostok-largest-far-east-port"), status: "retired" }]);
    expect(next.suggest("vladivostok").map((s) => s.value)).not.toContain("vladivostok-largest-far-east-port");
    expect(next.suggest("").map((s) => s.value)).not.toContain("vladivostok-largest-far-east-port");
  });
});
