import { describe, expect, it } from "vitest";
import { en } from "../../src/i18n/catalogue/en.js";
import { localeFromDiscord, replyLocale } from "../../src/i18n/locale.js";
import { zhCN as zhCommands } from "../../src/i18n/commands/zh-CN.js";
import { describeAbstention } from "../../src/knowledge/abstention.js";
import type { AnswerType } from "../../src/knowledge/text/analyze.js";
import { commandName } from "../../src/i18n/slash.js";
import { missingStrings, stringsFor, withEnglishFallback, type Strings } from "../../src/i18n/strings.js";

/** A catalogue entry as text: one-element arrays read as text, as counts and as word lists alike, whatever a string takes. */
const sample = (value: unknown): string =>
  typeof value === "function" ? String((value as (...args: unknown[]) => unknown)(["X"], ["Y"])) : typeof value === "string" ? value : JSON.stringify(value);

describe("the string catalogue", () => {
  it.each(["ru", "zh-CN"] as const)("has every English string in %s (this lists what is missing)", (locale) => {
    expect(missingStrings(locale)).toEqual([]);
  });

  it("falls back to English for a string a language lacks", () => {
    const partial = withEnglishFallback({ helpful: "Полезно" });
    expect(partial.helpful).toBe("Полезно");
    expect(partial.notHelpful).toBe(en.notHelpful);
    expect(partial.cooldown(2)).toBe(en.cooldown(2));
    expect(Object.keys(stringsFor("ru")).sort()).toEqual(Object.keys(en).sort());
    expect(stringsFor("en")).toBe(en);
  });

  it.each(["ru", "zh-CN"] as const)("translates every string into %s rather than copying the English", (locale) => {
    const strings = stringsFor(locale);
    const copied = Object.keys(en).filter((key) => sample(strings[key as keyof typeof en]) === sample(en[key as keyof typeof en]));
    expect(copied).toEqual([]);
  });

  it("says counts with the right word form, in Russian and in English", () => {
    const ru = stringsFor("ru");
    expect(ru.cooldown(1)).toContain("1 секунду");
    expect(ru.cooldown(3)).toContain("3 секунды");
    expect(ru.cooldown(5)).toContain("5 секунд");
    expect(ru.cooldown(21)).toContain("21 секунду");
    expect(ru.sourceFactCount(2)).toBe("2 факта");
    expect(en.cooldown(1)).toContain("1 second.");
    expect(en.cooldown(2)).toContain("2 seconds.");
    expect([1, 2].map((n) => en.sourceFactCount(n))).toEqual(["1 fact", "2 facts"]);
    expect(en.importUnresolved(1)).toMatch(/^Not imported: 1 fact was changed here/);
    expect(en.imported(1, 0, 1)).toBe("Imported: 1 fact added, 0 changed, 1 source added or changed.");
    expect(en.imported(2, 0, 0)).toBe("Imported: 2 facts added, 0 changed, 0 sources added or changed.");
  });
});

describe("the catalogue's words", () => {
  it("call a revision by one word in each language, the one /trade-admin revert's revision option is named with", () => {
    const revisionTexts = (s: Strings) => [
      s.conflictNotSaved("f", 7),
      s.factWrittenLine("x", "f", 7, "y"),
      s.nothingToChange("f", 7, "y"),
      s.changedMeanwhile("f", 7),
      s.noSuchRevision("f", 7),
      s.translationSaved("L", "f", 7),
      s.translationRemoved("L", "f", 7),
      s.translationChanged("f", 7, "a", "t"),
      s.translationChangedNothingRemoved("f", 7),
    ];
    expect(commandName("trade-admin revert revision", "ru")).toBe("редакция");
    for (const text of revisionTexts(stringsFor("ru"))) expect(text).toMatch(/редакци[яи] 7/);
    expect(stringsFor("ru").historyLatest(25, 30)).toBe("Последние 25 из 30 редакций.");
    expect(commandName("trade-admin revert revision", "zh-CN")).toBe("版本");
    for (const text of revisionTexts(stringsFor("zh-CN"))) expect(text).toContain("第 7 版");
    expect(stringsFor("zh-CN").historyLatest(25, 30)).toBe("最近 25 个版本（共 30 个）。");
  });

  it("say in Russian what a question asks for as a grammatical sentence, and that the bot, not the member, answers a message", () => {
    const ru = stringsFor("ru");
    const asksFor = (type: AnswerType) => describeAbstention({ reason: "slot", factId: "f", miss: { slot: "answer-type", type } }, ru);
    expect(asksFor("speaker")).toBe("Вопрос о том, кто это сказал; ближайший факт этого не называет.");
    expect(asksFor("change")).toBe("Вопрос об изменении (на сколько); ближайший факт этого не называет.");
    expect(asksFor("amount")).toBe("Вопрос о сумме; ближайший факт этого не называет.");
    expect(ru.helpApps).toContain("бот ответит");
    expect(stringsFor("zh-CN").helpApps).toContain("让机器人回答");
  });

  it("address a Chinese reader as 您 throughout, replies and command descriptions alike", () => {
    const texts = [...Object.values(stringsFor("zh-CN")).map(sample), ...Object.values(zhCommands).map((text) => `${text.name} ${text.description ?? ""}`)];
    expect(texts.filter((text) => text.includes("你"))).toEqual([]);
  });
});

describe("the reply's language", () => {
  it("is the question's when it is clearly Russian or Chinese, whatever the asker's Discord locale", () => {
    expect(replyLocale("ru", "en-US")).toBe("ru");
    expect(replyLocale("zh", "ru")).toBe("zh-CN");
  });

  it("is otherwise the asker's Discord locale, when the bot speaks it", () => {
    expect(replyLocale("en", "ru")).toBe("ru");
    expect(replyLocale("en", "zh-CN")).toBe("zh-CN");
    expect(replyLocale("en", "zh-TW")).toBe("zh-CN");
    expect(replyLocale(undefined, "en-GB")).toBe("en");
  });

  it("is English otherwise", () => {
    expect(replyLocale("en", "fr")).toBe("en");
    expect(replyLocale("en", undefined)).toBe("en");
    expect(localeFromDiscord("de")).toBeUndefined();
  });
});
