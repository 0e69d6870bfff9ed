import { describe, expect, it } from "vitest";
import { expectWithinLimits } from "../support/within-limits.js";
import { factFormValues, factModal, inputsTooLong, parseFactForm, sourceModal } from "../../src/discord/fact-form.js";
import {
  renderConflict,
  renderDraftProblems,
  renderGaps,
  renderHistory,
  renderImported,
  renderImportPlan,
  renderProposal,
  renderQaChannels,
  renderReviewDone,
  renderSaved,
  renderSourceAdded,
  renderSourcePreview,
  renderStats,
} from "../../src/discord/render-admin.js";
import { REPLY_LOCALES, type ReplyLocale } from "../../src/i18n/locale.js";
import { slashCommand } from "../../src/i18n/slash.js";
import { stringsFor } from "../../src/i18n/strings.js";
import type { Fact } from "../../src/knowledge/schema.js";
import type { Revision, RevisionAction } from "../../src/knowledge/store/fact-store.js";
import type { ImportPlan } from "../../src/knowledge/store/fact-import.js";
import type { StoredProposal } from "../../src/knowledge/store/proposal-store.js";
import { seedFact } from "../support/seed.js";

const huge = (length: number, word = "trade ") => word.repeat(Math.ceil(length / word.length)).slice(0, length);

/** The longest actor the bot records: a Discord username (at most 32 characters) and a snowflake. */
const ACTOR = `${"u".repeat(32)} (${"1".repeat(20)})`;

/** Discord's limits the payload checks do not cover: a modal's title and input labels. */
const MODAL_TITLE = 45;
const MODAL_LABEL = 45;

const seeded = seedFact("liaoning-exports-to-russia-value");

/** A fact with every text field at the schema's maximum, and Markdown in it. */
function maximalFact(n: number, fields: Partial<Fact> = {}): Fact {
  return {
    ...seeded,
    id: `f${n}-${"x".repeat(76)}`.slice(0, 80),
    statement: huge(1000, "Statement *bold* _it_ "),
    quote: huge(2000, "Quote line\n"),
    attribution: huge(300, "Someone "),
    topic: huge(100, "Topic "),
    updatedBy: ACTOR,
    ...fields,
  };
}

const ACTIONS: RevisionAction[] = ["seed", "create", "edit", "retire", "restore", "revert", "import"];

function revision(n: number): Revision {
  const before = maximalFact(0);
  const after = n % 2 === 0 ? maximalFact(0, { statement: huge(1000, "Changed *again* ") }) : maximalFact(0, { statement: "s", quote: "q", topic: "t", attribution: "a", keywords: ["k"] });
  return { revision: n, action: ACTIONS[n % ACTIONS.length]!, actor: ACTOR, reason: huge(300, "why "), at: "2026-11-29T10:02:00.000Z", before, after };
}


const proposal: StoredProposal = {
  id: 123456,
  sourceId: "s".repeat(80),
  status: "pending",
  quote: huge(2000, "A very long quoted sentence about trade "),
  statement: "S".repeat(1000),
  attribution: null,
  figures: Array.from({ length: 80 }, (_, i) => ({ text: `${i} million tonnes`, value: i * 1e6, unit: "tonnes" })),
  period: null,
  entities: ["Russia"],
  topic: "T".repeat(100),
  keywords: ["exports"],
  questions: [],
  typos: Array.from({ length: 100 }, (_, i) => `goverment${i}`),
  coveredBy: null,
  factId: null,
  createdAt: "2026-11-29T10:00:00.000Z",
  decidedBy: null,
  decidedAt: null,
  reason: null,
};

const source = { id: "s".repeat(80), title: huge(300, "Title "), publisher: huge(200, "Publisher "), url: `https://example.com/${"p".repeat(470)}`, date: huge(100), dateNote: null, text: huge(200_000, "Article words. ") };

describe("moderator replies within Discord's limits, in every language", () => {
  it.each(REPLY_LOCALES)("history, conflicts, drafts, import previews, stats, gaps and Q&A channels built from maximal data fit in %s", (locale) => {
    const fact = maximalFact(1);
    const revisions = Array.from({ length: 40 }, (_, i) => revision(i + 1));
    expectWithinLimits(renderHistory(fact, revisions, locale));

    const values = { ...factFormValues(fact), terms: huge(1000, "keywords: x, ") };
    const problems = Array.from({ length: 60 }, (_, i) => ({ input: stringsFor(locale).factFormLabels.quote, reason: `quote: ${huge(300, `problem ${i} `)}` }));
    expectWithinLimits(renderDraftProblems(problems, { values, labels: stringsFor(locale).factFormLabels }, "k".repeat(8), locale));
    expectWithinLimits(renderConflict(fact, revisions, values, "k".repeat(8), locale));

    const changes = Array.from({ length: 300 }, (_, i) => ({ before: maximalFact(i), after: maximalFact(i, { statement: "new", revision: 9 }) }));
    const plan: ImportPlan = {
      sourcesAdded: Array.from({ length: 100 }, (_, i) => ({ ...source, id: `${i}-${"s".repeat(76)}` })),
      sourcesChanged: [],
      added: Array.from({ length: 300 }, (_, i) => maximalFact(1000 + i)),
      changed: changes,
      conflicts: changes,
      unchanged: 123_456,
      untouched: 654_321,
      fingerprint: "f",
    };
    expectWithinLimits(renderImportPlan(plan, "k".repeat(8), locale));
    expectWithinLimits(renderImportPlan({ ...plan, added: [], changed: [], sourcesAdded: [] }, "k".repeat(8), locale));
    expectWithinLimits(renderImported(plan, "overwrite", locale));

    const many = 999_999_999;
    const channels = Array.from({ length: 100 }, (_, i) => ({ channelId: `${1e18 + i}`, answered: many, misses: many, shadow: many, helpful: many, notHelpful: many, removed: many, humanAsked: many }));
    const topFacts = Array.from({ length: 50 }, (_, i) => ({ fact: maximalFact(i), answers: many }));
    expectWithinLimits(renderStats({ asked: many, answered: many, helpful: many, notHelpful: many, topFacts, answeredPercent: 100, channels }, locale));
    const unanswered = Array.from({ length: 50 }, () => ({ question: huge(500), count: many, firstSeen: "2026-11-01T00:00:00.000Z", lastSeen: "2026-11-28T00:00:00.000Z" }));
    expectWithinLimits(renderGaps({ unanswered, downvoted: topFacts.map(({ fact }) => ({ fact, helpful: many, notHelpful: many })) }, locale));
    const qa = Array.from({ length: 100 }, (_, i) => ({ channelId: `${1e18 + i}`, guildId: "1", mode: "answer-only" as const, updatedAt: "2026-11-29T10:02:00.000Z", updatedBy: ACTOR }));
    const qaChanges = Array.from({ length: 10 }, (_, i) => ({ channelId: `${1e18 + i}`, modeBefore: null, modeAfter: "shadow" as const, actor: ACTOR, at: "2026-11-29T10:02:00.000Z" }));
    expectWithinLimits(renderQaChannels(qa, qaChanges, ["1", "2"], locale));
  });

  it.each(REPLY_LOCALES)("a maximal proposal, source preview and review notices fit in %s", (locale) => {
    const s = stringsFor(locale);
    const notice = s.proposalAlreadyDecided(6, s.proposalStatuses.accepted, ACTOR, "2026-11-29 10:02");
    expectWithinLimits(renderProposal(proposal, source, { remaining: 99_999, scope: "source", notice: `${huge(1900, "x")} ${notice}` }, locale));
    expectWithinLimits(renderReviewDone(notice, source.id, locale));
    expectWithinLimits(renderSourcePreview(source, "k".repeat(8), false, locale));
    expectWithinLimits(renderSourceAdded(source, 99_999, locale));
    expectWithinLimits(renderSaved(maximalFact(1, { status: "retired" }), "reverted", locale));
  });

  it.each(REPLY_LOCALES)("the fact and source forms fit Discord's modal limits in %s: titles and labels at most 45", (locale) => {
    const s = stringsFor(locale);
    const modals = [
      factModal("admin:add", s.addFactTitle, {}, locale),
      factModal("admin:edit:x:1", s.editFactTitle("a-very-long-fact-id-".repeat(4)), {}, locale),
      factModal("admin:review-edit:1:all", s.acceptTitle(1_000_000), {}, locale),
      sourceModal("admin:source-add", {}, locale),
    ];
    for (const modal of modals) {
      expect(modal.title.length).toBeLessThanOrEqual(MODAL_TITLE);
      for (const component of modal.components) if ("label" in component) expect(component.label.length).toBeLessThanOrEqual(MODAL_LABEL);
    }
    expect(s.rejectTitle(1_000_000).length).toBeLessThanOrEqual(MODAL_TITLE);
    expect(s.rejectWhy.length).toBeLessThanOrEqual(MODAL_LABEL);
  });
});

describe("moderator replies in the moderator's language", () => {
  const fact = seedFact("shenyang-capital-of-liaoning");
  const history: Revision[] = [
    { revision: 1, action: "seed", actor: "seed", reason: null, at: "2026-11-29T10:00:00.000Z", before: null, after: fact },
    { revision: 2, action: "retire", actor: "ana (1)", reason: "duplicate", at: "2026-11-29T10:02:00.000Z", before: fact, after: { ...fact, status: "retired", revision: 2 } },
  ];

  it("renders the history with Russian actions and frame, and the fact's data as it is", () => {
    const embed = renderHistory(fact, history, "ru").embeds![0]!;
    expect(embed.title).toBe(`История факта ${fact.id}`);
    expect(embed.fields?.map((field) => field.name.split(" · ").slice(0, 3).join(" · "))).toEqual(["r1 · начальная загрузка · seed", "r2 · снятие · ana (1)"]);
    expect(embed.fields?.[1]?.value).toBe("“duplicate” — status: active → retired");
    expect(embed.footer?.text).toBe(`Вернуть содержание редакции: ${slashCommand("trade-admin revert", "ru")}`);
  });

  it("says what a write did, with the status, in Russian and Chinese", () => {
    expect(renderSaved({ ...fact, status: "retired", revision: 2 }, "retired", "ru").content).toBe(
      `Факт \`${fact.id}\` снят (редакция 2, снят). Больше он не используется для ответов.`,
    );
    expect(renderSaved({ ...fact, revision: 3 }, "restored", "zh-CN").content).toBe(`已恢复事实 \`${fact.id}\`（第 3 版，有效）。从现在起用于回答问题。`);
  });

  it("puts the import preview's frame and buttons in Chinese, with Russian plurals for the counts", () => {
    const conflict = { before: { ...fact, revision: 2, updatedBy: "ana (1)", updatedAt: "2026-11-29T10:02:00.000Z" }, after: { ...fact, statement: "Changed.", revision: 1 } };
    const plan: ImportPlan = { sourcesAdded: [], sourcesChanged: [], added: [], changed: [conflict], conflicts: [conflict], unchanged: 20, untouched: 0, fingerprint: "f" };
    const zh = renderImportPlan(plan, "key", "zh-CN");
    expect(zh.content).toMatch(/^\*\*试运行：尚未做任何改动。\*\*/);
    expect(zh.embeds?.[0]?.fields?.[2]).toMatchObject({ name: "冲突：在您的文件之后于此处修改（1）", value: `\`${fact.id}\`：您的文件 r1，此处 r2，由 ana (1) 于 2026-11-29 10:02 修改（statement）` });
    expect(zh.components?.[0]?.components.map((button) => ("label" in button ? button.label : ""))).toEqual(["应用，跳过 1 个冲突", "应用并覆盖 1 个冲突", "取消"]);
    const ru = stringsFor("ru");
    expect([1, 3, 5, 21].map((n) => ru.applySkipConflicts(n))).toEqual([
      "Применить, пропустив 1 конфликт",
      "Применить, пропустив 3 конфликта",
      "Применить, пропустив 5 конфликтов",
      "Применить, пропустив 21 конфликт",
    ]);
    expect(ru.importProblems("a.json", 2)).toContain("в a.json 2 ошибки.");
    expect(ru.sourceProposed(1, "/x")).toMatch(/^Из него предложен 1 факт:/);
    expect(ru.sourceProposed(12, "/x")).toMatch(/^Из него предложено 12 фактов:/);
  });

  it("labels the fact form and names the inputs of a draft's problems in the moderator's language", () => {
    const modal = factModal("admin:add", stringsFor("ru").addFactTitle, {}, "ru");
    expect(modal.title).toBe("Добавить факт");
    expect(modal.components.map((component) => ("label" in component ? component.label : ""))).toEqual(Object.values(stringsFor("ru").factFormLabels));
    const { problems } = parseFactForm({ ...factFormValues(fact), topic: " ", source: fact.sourceId }, "zh-CN");
    expect(problems.map((problem) => problem.input).sort()).toEqual(["主题", "来源 id，下一行写说话人"].sort());
    expect(problems.find((problem) => problem.reason.startsWith("attribution"))?.reason).toBe("attribution: 请在第二行写明说话人");
    expect(inputsTooLong({ ...factFormValues(fact), quote: "q".repeat(2001) }, "ru")).toEqual(["Цитата, дословно из источника"]);
  });

  it("shows a draft handed back under the form's labels in the moderator's language, in the message and in draft.txt", () => {
    const ru = stringsFor("ru");
    const values = factFormValues(fact);
    const payload = renderDraftProblems([], { values, labels: ru.factFormLabels }, "k", "ru");
    expect(payload.embeds?.[0]?.fields?.map((field) => field.name)).toEqual(Object.values(ru.factFormLabels));
    expect(payload.files?.[0]?.content).toMatch(/^## Утверждение \(одно предложение-ответ\)\n/);
    const conflict = renderConflict(fact, [], values, "k", "zh-CN");
    expect(conflict.embeds?.[0]?.fields?.map((field) => field.name)).toEqual(Object.values(stringsFor("zh-CN").factFormLabels));
  });

  it("shows a proposal for review with the frame in Russian and the proposal's data as it is", () => {
    const payload = renderProposal({ ...proposal, typos: ["goverment"], figures: [{ text: "39.46 billion yuan", value: 39_460_000_000, unit: "yuan" }] }, undefined, { remaining: 3, scope: "source" }, "ru");
    const embed = payload.embeds![0]!;
    expect(embed.fields?.map((field) => field.name)).toEqual(["Кто сказал", "Цифры", "Тема", "Период", "Источник", "Опечатка в источнике?"]);
    expect(embed.fields?.[0]?.value).toBe("не назван: в факте будет «The article (no source named)»");
    expect(embed.fields?.[1]?.value).toBe("• 39.46 billion yuan = 39\u00a0460\u00a0000\u00a0000 yuan");
    expect(embed.footer?.text).toBe(`Предложение 123456 · осталось проверить в ${proposal.sourceId}: 3`);
    expect(payload.components?.[0]?.components.map((button) => ("label" in button ? button.label : ""))).toEqual(["Принять", "Изменить", "Отклонить", "Дальше"]);
  });

  it("counts a source's text with the language's digit grouping and word forms", () => {
    const preview = (locale: ReplyLocale) => renderSourcePreview({ ...source, text: "Один два три. ".repeat(1000) }, "k", true, locale).embeds![0]!.fields![0]!.value;
    expect(preview("en")).toBe("14,000 characters, 3,000 words");
    expect(preview("ru")).toBe("14\u00a0000 символов, 3\u00a0000 слов");
    expect(preview("zh-CN")).toBe("14,000 个字符，3,000 个词");
  });
});
