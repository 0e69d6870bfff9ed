import { ComponentType, type APITextInputComponent, type APIModalInteractionResponseCallbackData } from "discord.js";
import { describe, expect, it } from "vitest";
import { parseTranslationForm, translationFormValues, translationInputsTooLong, translationModal, type TranslationFormValues } from "../../src/discord/translation-form.js";
import { REPLY_LOCALES } from "../../src/i18n/locale.js";
import { stringsFor } from "../../src/i18n/strings.js";
import type { Fact } from "../../src/knowledge/schema.js";
import { seedFact } from "../support/seed.js";

const fact = seedFact("liaoning-exports-to-russia-value");
const LABELS = stringsFor("en").translationFormLabels;

function untranslated(of: Fact): Fact {
  const copy = { ...of };
  delete copy.translations;
  return copy;
}

const values = (changes: Partial<TranslationFormValues>): TranslationFormValues => ({ ...translationFormValues(fact, "ru"), ...changes });

describe("the translation form's values", () => {
  it.each(["ru", "zh-CN"] as const)("round-trips the fact's %s translation through the form's text", (locale) => {
    const submission = parseTranslationForm(translationFormValues(fact, locale), fact, locale, "en");
    expect(submission).toEqual({ kind: "save", translation: fact.translations?.[locale] });
  });

  it("opens empty for a fact without that translation, and an empty statement asks to remove it", () => {
    const empty = translationFormValues(untranslated(fact), "ru");
    expect(empty).toEqual({ statement: "", terms: "", questions: "", reason: "" });
    expect(parseTranslationForm({ ...values({}), statement: "  \n " }, fact, "ru", "en")).toEqual({ kind: "remove" });
  });

  it("reads keywords and aliases split by Chinese commas, and one question per line", () => {
    const submission = parseTranslationForm(
      { statement: "前九个月，辽宁对俄罗斯出口额达426.4亿元（58.3亿美元）。", terms: "keywords: 出口，出口额、辽宁\naliases: 遼寧", questions: "辽宁对俄出口多少？\n\n  前九个月呢？ ", reason: "" },
      fact,
      "zh-CN",
      "en",
    );
    expect(submission).toEqual({
      kind: "save",
      translation: { statement: "前九个月，辽宁对俄罗斯出口额达426.4亿元（58.3亿美元）。", keywords: ["出口", "出口额", "辽宁"], aliases: ["遼寧"], questions: ["辽宁对俄出口多少？", "前九个月呢？"] },
    });
  });
});

describe("what the translation form refuses", () => {
  it("a figure of the English statement missing or different, naming the statement input", () => {
    const submission = parseTranslationForm(values({ statement: "Экспорт Ляонина в Россию за первые девять месяцев достиг 42,46 млрд юаней (5,83 млрд долларов)." }), fact, "ru", "en");
    expect(submission).toEqual({ kind: "invalid", problems: [{ input: LABELS.statement, reason: "statement: figure 42.64 of the statement not in the translation" }] });
    const chinese = parseTranslationForm({ ...translationFormValues(fact, "zh-CN"), statement: "前九个月，辽宁对俄罗斯出口额达462.4亿元（58.3亿美元）。" }, fact, "zh-CN", "en");
    expect(chinese.kind === "invalid" && chinese.problems.map((problem) => problem.reason)).toEqual(["statement: figure 42.64 of the statement not in the translation"]);
  });

  it("a name spelled another way than the base's one spelling", () => {
    const submission = parseTranslationForm(values({ statement: "Экспорт провинции Ляонинь в Россию за первые девять месяцев достиг 42,64 млрд юаней (5,83 млрд долларов)." }), fact, "ru", "en");
    expect(submission.kind).toBe("invalid");
    expect(submission.kind === "invalid" && submission.problems[0]?.reason).toBe('statement: writes "Ляонинь": the base spells liaoning "Ляонин" (list "Ляонинь" in aliases)');
  });

  it("every problem at once, each under its input, labelled in the moderator's language", () => {
    const submission = parseTranslationForm(values({ statement: "Экспорт Ляонина в Россию достиг 42,64 млрд юаней.", terms: `aliases: CNY\nkeywords: ${"я".repeat(101)}` }), fact, "ru", "ru");
    const ru = stringsFor("ru").translationFormLabels;
    expect(submission).toEqual({
      kind: "invalid",
      problems: [
        { input: ru.terms, reason: "keywords 1: must be at most 100 characters" },
        { input: ru.statement, reason: "statement: figure 5.83 of the statement not in the translation" },
      ],
    });
    const noKeywords = parseTranslationForm(values({ terms: "aliases: CNY" }), fact, "ru", "en");
    expect(noKeywords).toEqual({ kind: "invalid", problems: [{ input: LABELS.terms, reason: "keywords: must list at least one entry" }] });
  });

  it("says which inputs are too long to fill in without cutting", () => {
    expect(translationInputsTooLong(values({}), "en")).toEqual([]);
    expect(translationInputsTooLong(values({ questions: "Вопрос?\n".repeat(600) }), "en")).toEqual([LABELS.questions]);
  });
});

describe("the translation modal", () => {
  const longest: Fact = { ...fact, id: "a".repeat(80), statement: `${"Liaoning exported 42.64 billion yuan. ".repeat(26)}`.slice(0, 1000) };

  it.each(REPLY_LOCALES)("stays within Discord's modal limits in %s, with the English statement whole above the inputs", (ui) => {
    const modal = translationModal(`admin:tr:zh:${longest.id}:9999999`, longest, "zh-CN", { statement: "译".repeat(1000) }, ui);
    expectWithinModalLimits(modal);
    expect(labelled(modal)).toHaveLength(4);
    const [display] = modal.components;
    expect(display).toMatchObject({ type: ComponentType.TextDisplay });
    expect(display && "content" in display && display.content).toContain(longest.statement);
    expect(JSON.stringify(modal)).toContain("译".repeat(1000));
  });

  it("fills in the translation, shows the English it translates as each placeholder, and names the language in the title", () => {
    const modal = translationModal("admin:tr:ru:x:1", fact, "ru", translationFormValues(fact, "ru"), "en");
    expect(modal.title).toBe(`Russian translation: ${fact.id}`.slice(0, 44) + "…");
    const inputs = Object.fromEntries(labelled(modal).map(({ component }) => [component.custom_id, component]));
    expect(Object.keys(inputs)).toEqual(["statement", "terms", "questions", "reason"]);
    expect(inputs.statement).toMatchObject({ value: fact.translations?.ru?.statement, placeholder: fact.statement, required: false });
    expect(inputs.terms?.value).toBe(`keywords: ${fact.translations?.ru?.keywords.join(", ")}\naliases: ${fact.translations?.ru?.aliases.join(", ")}`);
    expect(inputs.terms?.placeholder).toMatch(/^keywords: exports, value, yuan/);
    expect(inputs.reason).toMatchObject({ placeholder: "translation ru" });
    expect(inputs.reason?.value).toBeUndefined();
  });
});

/** Each labelled text input of a modal. */
function labelled(modal: APIModalInteractionResponseCallbackData): { label: string; description?: string | undefined; component: APITextInputComponent }[] {
  return modal.components.flatMap((top) =>
    top.type === ComponentType.Label && top.component.type === ComponentType.TextInput ? [{ label: top.label, description: top.description, component: top.component }] : [],
  );
}

/** Discord's modal limits (shared/notes/discord-limits.md): title 45, five components, labels 45, descriptions and placeholders 100, text 4,000. */
function expectWithinModalLimits(modal: APIModalInteractionResponseCallbackData): void {
  expect(modal.custom_id.length).toBeLessThanOrEqual(100);
  expect(modal.title.length).toBeLessThanOrEqual(45);
  expect(modal.components.length).toBeLessThanOrEqual(5);
  for (const { label, description, component } of labelled(modal)) {
    expect(label.length).toBeLessThanOrEqual(45);
    expect(description?.length ?? 0).toBeLessThanOrEqual(100);
    expect(component.placeholder?.length ?? 0).toBeLessThanOrEqual(100);
    expect(component.value?.length ?? 0).toBeLessThanOrEqual(4000);
  }
  for (const component of modal.components) if ("content" in component) expect(component.content.length).toBeLessThanOrEqual(4000);
}
