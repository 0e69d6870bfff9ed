import { Locale } from "discord.js";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/commands/index.js";
import { COMMAND_LOCALIZATIONS, commandParts, type CommandTexts } from "../../src/i18n/commands/localize.js";
import { ru } from "../../src/i18n/commands/ru.js";

const definitions = [...COMMANDS.public, ...COMMANDS.admin].map((command) => command.definition);
const parts = definitions.flatMap((definition) => commandParts(definition));
const LOCALES = [Locale.Russian, Locale.ChineseCN] as const;

/** The paths a language leaves in English: no text, or a name without the description a slash command shows. */
function missing(texts: CommandTexts): string[] {
  return parts.flatMap(({ path, described }) => {
    if (!texts[path]) return [path];
    return described && !texts[path].description ? [`${path} (description)`] : [];
  });
}

/** Texts no command part would show: a path no command has (renamed?), or a description on a choice or a context-menu command. */
function unused(texts: CommandTexts): string[] {
  const known = new Map(parts.map((part) => [part.path, part.described]));
  return Object.entries(texts).flatMap(([path, text]) => {
    if (!known.has(path)) return [path];
    return text.description && !known.get(path) ? [`${path} (description)`] : [];
  });
}

const byPath = (definition: object, path: string[]): Record<string, unknown> =>
  path.reduce<Record<string, unknown>>((node, name) => {
    const children = [...((node.options as object[] | undefined) ?? []), ...((node.choices as object[] | undefined) ?? [])] as Record<string, unknown>[];
    return children.find((child) => child.name === name)!;
  }, definition as Record<string, unknown>);

describe("command localizations", () => {
  it.each(LOCALES)("%s names and describes every command, subcommand, group, option and choice", (locale) => {
    expect(missing(COMMAND_LOCALIZATIONS[locale]!)).toEqual([]);
  });

  it.each(LOCALES)("%s has no text that no command shows", (locale) => {
    expect(unused(COMMAND_LOCALIZATIONS[locale]!)).toEqual([]);
  });

  it("lists a path a language lacks, and a description it lacks", () => {
    const withoutQuestion = Object.fromEntries(Object.entries(ru).filter(([path]) => path !== "trade ask question"));
    const withoutDescription = { ...ru, "trade-admin qa list": { name: "список" } };
    expect(missing(withoutQuestion)).toEqual(["trade ask question"]);
    expect(missing(withoutDescription)).toEqual(["trade-admin qa list (description)"]);
  });

  it("puts each language's name and description on commands, subcommands, groups and options, and the name alone on choices and context-menu commands", () => {
    const [trade, menu] = COMMANDS.public.map((command) => command.definition);
    const admin = COMMANDS.admin[0]!.definition;
    expect(trade).toMatchObject({ name: "trade", name_localizations: { ru: "торговля", "zh-CN": "贸易" } });
    expect(byPath(trade!, ["ask", "question"])).toMatchObject({
      name: "question",
      name_localizations: { ru: "вопрос", "zh-CN": "问题" },
      description_localizations: { ru: "Ваш вопрос", "zh-CN": "您的问题" },
    });
    expect(byPath(admin, ["qa"])).toMatchObject({ name_localizations: { ru: "вопросы", "zh-CN": "问答" } });
    const shadow = byPath(admin, ["qa", "add", "mode", "shadow"]);
    expect(shadow).toEqual({ name: "shadow", value: "shadow", name_localizations: { ru: "наблюдение", "zh-CN": "旁观" } });
    expect(menu).toMatchObject({ name: "Ask trade bot", name_localizations: { ru: "Спросить бота о торговле", "zh-CN": "问贸易机器人" } });
    expect(menu).not.toHaveProperty("description_localizations");
  });

});
