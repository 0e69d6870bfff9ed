import { describe, expect, it } from "vitest";
import { expectWithinLimits } from "../support/within-limits.js";
import type { Answer } from "../../src/knowledge/engine.js";
import type { Fact, Source } from "../../src/knowledge/schema.js";
import { fitToLimits, limitViolations } from "../../src/discord/limits.js";
import { PICK_FACT_ID, renderAnswer, renderFact, renderHelp, renderMentionHelp, renderSources, renderTopics, withFeedbackButtons } from "../../src/discord/render.js";
import { REPLY_LOCALES, type ReplyLocale } from "../../src/i18n/locale.js";
import { seedBase, seedEngine } from "../support/seed.js";

const huge = (length: number, word = "trade ") => word.repeat(Math.ceil(length / word.length)).slice(0, length);

const maximalSource: Source = {
  id: "s".repeat(80),
  title: huge(2000, "Title "),
  publisher: huge(2000, "Publisher "),
  url: `https://example.com/${"p".repeat(1500)}`,
  date: huge(500),
  dateNote: huge(3000, "note "),
  text: huge(20_000),
};

function maximalFact(n: number): Fact {
  return {
    id: `f${n}-${"x".repeat(70)}`,
    statement: huge(5000, "Statement *bold* _it_ "),
    quote: huge(6000, "Quote line\n"),
    sourceId: maximalSource.id,
    attribution: huge(3000, "Someone "),
    topic: huge(300, "Topic "),
    entities: ["Liaoning"],
    keywords: ["exports"],
    aliases: [],
    questions: ["q?"],
    period: null,
    status: "active",
    revision: 1,
    updatedAt: "2026-11-29T00:00:00.000Z",
    updatedBy: "test",
  };
}

const maximalTranslation = { statement: huge(1000, "Утверждение *жирно* "), keywords: ["экспорт"], aliases: [], questions: [] };

const catalogue = { sources: [maximalSource, { ...maximalSource, id: "second-source" }], facts: Array.from({ length: 40 }, (_, i) => maximalFact(i)) };


describe("rendering within Discord's limits", () => {
  const answer: Answer = { query: huge(6000, "@everyone <@&123> "), answered: true, confidence: 0.87, results: [{ fact: maximalFact(1), score: 0.9 }], language: "en" };

  it("an answer built from maximal fields stays within 6,000 characters and 1,024 a field", () => {
    expectWithinLimits(renderAnswer(answer, catalogue));
  });

  it("a miss with 25 maximal 'did you mean' choices stays within limits", () => {
    const miss: Answer = { ...answer, answered: false, results: Array.from({ length: 30 }, (_, i) => ({ fact: maximalFact(i), score: 0.1 })) };
    const payload = renderAnswer(miss, catalogue);
    expectWithinLimits(payload);
    const select = payload.components?.[0]?.components[0];
    expect(select).toMatchObject({ custom_id: `${PICK_FACT_ID}en` });
    expect(select && "options" in select ? select.options.length : 0).toBe(25);
  });

  it.each(REPLY_LOCALES)("facts, topics, sources and help stay within limits in %s", (locale) => {
    const translated = { ...catalogue, facts: catalogue.facts.map((fact) => ({ ...fact, translations: { ru: maximalTranslation, "zh-CN": maximalTranslation } })) };
    expectWithinLimits(renderAnswer({ ...answer, results: [{ fact: translated.facts[0]!, score: 0.9 }] }, translated, locale));
    expectWithinLimits(renderFact(maximalFact(2), catalogue, locale));
    expectWithinLimits(renderFact(translated.facts[2]!, translated, locale));
    expectWithinLimits(renderTopics(translated, undefined, locale));
    expectWithinLimits(renderTopics(translated, catalogue.facts[0]!.topic, locale));
    expectWithinLimits(renderSources(catalogue, locale));
    expectWithinLimits(renderHelp(catalogue, locale));
  });

  it("25 long topics and 30 sources stay within limits", () => {
    const many = {
      sources: Array.from({ length: 30 }, (_, i) => ({ ...maximalSource, id: `source-${i}` })),
      facts: Array.from({ length: 60 }, (_, i) => ({ ...maximalFact(i), topic: `${i} ${huge(97, "Topic ")}`.slice(0, 100) })),
    };
    expectWithinLimits(renderTopics(many));
    const sources = renderSources(many);
    expectWithinLimits(sources);
    expect(sources.embeds).toHaveLength(1);
    expect(sources.embeds?.[0]?.title).toBe("Sources (30)");
  });

  it("cuts the longest parts first so the embeds fit together", () => {
    const payload = fitToLimits({ embeds: [{ description: huge(4096) }, { description: huge(4096) }] });
    expectWithinLimits(payload);
    expect(payload.embeds?.[0]?.description?.length).toBe(4096);
  });

  it("finds what breaks the limits", () => {
    expect(limitViolations({ content: huge(2001), embeds: [{ title: huge(257), fields: [{ name: "n", value: huge(1025) }] }] })).toHaveLength(3);
  });
});

describe("what the renderer shows", () => {
  const base = seedBase();
  const engine = seedEngine();

  it("an answer: statement as headline, quote as block quote, attribution, source, fact id and confidence", () => {
    const embed = renderAnswer(engine.answer("How much did Liaoning export to Russia?"), base).embeds![0]!;
    expect(embed.title).toContain("42.64 billion yuan");
    expect(embed.description).toMatch(/^> Liaoning’s exports to Russia increased by 82\.3%/);
    const field = (name: string) => embed.fields?.find((candidate) => candidate.name === name)?.value;
    expect(field("Said by")).toBe("The article (no source named)");
    expect(field("Source")).toContain("2023, inferred");
    expect(field("Fact")).toBe("`liaoning-exports-to-russia-value`");
    expect(field("Confidence")).toMatch(/^\d+%$/);
    expect(embed.author?.name).toBe("Q: How much did Liaoning export to Russia?");
  });

  it("a fact rendered again shows its source as it is now, and the same fact for every asker", () => {
    const fact = base.facts[0]!;
    const source = base.sources.find((candidate) => candidate.id === fact.sourceId)!;
    const sourceField = (catalogue: typeof base) => renderFact(fact, catalogue).embeds![0]!.fields?.find((field) => field.name === "Source")?.value;
    expect(sourceField(base)).toContain(source.title);
    const renamed = { ...base, sources: base.sources.map((candidate) => (candidate === source ? { ...candidate, title: "Renamed by a moderator" } : candidate)) };
    expect(sourceField(renamed)).toContain("Renamed by a moderator");
    expect(renderFact(fact, base)).toEqual(renderFact(fact, base));
  });

  it("a close call: the answer, and the facts that scored almost as well in an 'Or did you mean…' menu", () => {
    const answer = engine.answer("shenyang");
    const [top, second] = answer.results;
    expect(answer.answered).toBe(true);
    expect(top!.score - second!.score).toBeLessThanOrEqual(0.05);
    const select = renderAnswer(answer, base).components?.[0]?.components[0];
    const offered = select && "options" in select ? select.options.map((option) => option.value) : [];
    expect(select).toMatchObject({ placeholder: "Or did you mean…" });
    expect(offered).toContain(second!.fact.id);
    expect(offered).not.toContain(top!.fact.id);
  });

  it("a clear answer comes without a menu", () => {
    const answer = engine.answer("How much did Liaoning export to Russia?");
    expect(answer.results[0]!.score - answer.results[1]!.score).toBeGreaterThan(0.05);
    expect(renderAnswer(answer, base).components).toBeUndefined();
  });

  it("a miss: says so, names the topics and offers the closest facts", () => {
    const payload = renderAnswer(engine.answer("What did Putin say about Heilongjiang?"), base);
    expect(payload.embeds?.[0]?.title).toBe("No sourced answer");
    expect(payload.embeds?.[0]?.description).toMatch(/I cover: .*Trade figures/);
    const select = payload.components?.[0]?.components[0];
    expect(select && "options" in select ? select.options.map((option) => option.value) : []).toContain("xi-heilongjiang-pivotal-entryway");
  });

  it("escapes markdown in a user's question", () => {
    const payload = renderAnswer(engine.answer("**bold** `code` qwertyuiop"), base);
    expect(payload.embeds?.[0]?.description).toContain("\\*\\*bold\\*\\*");
  });

  it("names an unknown topic and lists the real ones", () => {
    expect(renderTopics(base, "cooking").content).toMatch(/no topic called “cooking”\. Topics: Business and investment/);
  });

  it("counts the facts each source backs", () => {
    const fields = renderSources(base).embeds![0]!.fields!;
    expect(fields.find((field) => field.name === "Facts")?.value).toBe(String(base.facts.length));
    expect(fields.find((field) => field.name === "Publisher")?.value).toBe("unknown");
  });
});

describe("a reply in the asker's language", () => {
  const base = seedBase();
  const engine = seedEngine();
  const exportsFact = base.facts.find((fact) => fact.id === "liaoning-exports-to-russia-value")!;
  const untranslated = { ...exportsFact, translations: undefined };

  it("shows the moderators' translation as the answer and the source's words as they were said, labelled as the original", () => {
    const embed = renderAnswer(engine.answer("Сколько Ляонин экспортировал в Россию?"), base, "ru").embeds![0]!;
    expect(embed.title).toBe(exportsFact.translations!.ru!.statement);
    expect(embed.description).toBe(`**Слова источника (оригинал)**\n> ${exportsFact.quote}`);
    expect(embed.footer?.text).toContain("цитата — собственные слова источника");
    expect(embed.fields?.map((field) => field.name)).toEqual(["Кто сказал", "Источник", "Факт", "Уверенность"]);
    expect(exportsFact.attribution).toBe("The article (no source named)");
    expect(embed.fields?.[0]?.value).toBe("Сама статья (источник не назван)");
    expect(embed.author?.name).toBe("В: Сколько Ляонин экспортировал в Россию?");
  });

  it("frames a fact without a translation in the asker's language and says its statement is English", () => {
    const embed = renderFact(untranslated, base, "zh-CN").embeds![0]!;
    expect(embed.title).toContain("42.64 billion yuan");
    expect(embed.footer?.text).toContain("尚无译文");
    expect(embed.fields?.[0]?.name).toBe("出自");
  });

  it("labels the did-you-mean menu and its choices in the asker's language, and the menu remembers it", () => {
    const miss = engine.answer("哈哈 普京 黑龙江 说了什么 天气");
    expect(miss.answered).toBe(false);
    const payload = renderAnswer(miss, base, "zh-CN");
    expect(payload.embeds?.[0]?.title).toBe("未找到有来源的答案");
    const select = payload.components?.[0]?.components[0];
    expect(select).toMatchObject({ custom_id: `${PICK_FACT_ID}zh-CN`, placeholder: "您想问的是……" });
    const labels = select && "options" in select ? select.options.map((option) => option.label) : [];
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) expect(label).toMatch(/\p{Script=Han}/u);
  });

  it("says why there is no answer with the asker's own words, never the engine's English or stemmed reading of them", () => {
    const why = (question: string, locale: ReplyLocale) => renderAnswer(engine.answer(question), base, locale).embeds![0]!.description!.split("\n")[1];
    expect(why("что Путин сказал про Хэйлунцзян", "ru")).toBe("В ближайшем факте не упоминается «Путин».");
    expect(why("сколько Хэйлунцзян экспортировал в Россию за первые девять месяцев", "ru")).toBe("В ближайшем факте не упоминается «Хэйлунцзян».");
    expect(why("какая погода завтра в москве", "ru")).toBe("В базе фактов ничего не нашлось по слову «москве».");
    expect(why("как приготовить борщ", "ru")).toBe("Ни в одном факте нет слов «приготовить», «борщ».");
    expect(why("йцукенг", "ru")).toBe("Ни в одном факте нет слова «йцукенг».");
    expect(why("экспорт Ляонина в Россию в 2021 году", "ru")).toBe("Вопрос о периоде «2021»; ближайший факт — о другом периоде.");
    expect(why("импорт Ляонина из России за девять месяцев", "ru")).toBe("Ближайший факт говорит о противоположном тому, о чём спрашивает вопрос.");
    expect(why("сколько китай экспортировал в россию в сентябре", "ru")).toBe("Ближайший факт — не о том, что названо в вопросе.");
    expect(why("普京对黑龙江说了什么", "zh-CN")).toBe("最接近的事实与普京无关。");
    expect(why("中国9月对俄出口多少", "zh-CN")).toBe("最接近的事实涉及的时期与问题不同。");
    expect(why("What did Putin say about Heilongjiang?", "ru")).toBe("В ближайшем факте не упоминается «Putin».");
    expect(why("What did Putin say about Heilongjiang?", "en")).toBe("The closest fact is not about putin.");
  });

  it("puts the vote buttons, topics, sources, help and mention help in the asker's language", () => {
    const buttons = withFeedbackButtons({ content: "x" }, exportsFact.id, "ru").components?.[0]?.components ?? [];
    expect(buttons.map((button) => ("label" in button ? button.label : undefined))).toEqual(["Полезно", "Не помогло"]);
    expect(renderTopics(base, undefined, "ru").embeds?.[0]?.title).toBe("Темы");
    expect(renderTopics(base, "кулинария", "ru").content).toMatch(/^Темы «кулинария» нет\./);
    expect(renderSources(base, "zh-CN").embeds?.[0]?.fields?.map((field) => field.name)).toContain("发布者");
    expect(renderHelp(base, "ru").embeds?.[0]?.description).toMatch(/^Я отвечаю на вопросы о торговле Китая и России по \d+ проверенн/);
    expect(renderMentionHelp("zh-CN").content).toContain("@trade-facts 辽宁对俄出口多少");
  });
});
