import {
  ApplicationCommandType,
  Locale,
  type APIApplicationCommandOption,
  type LocalizationMap,
  type RESTPostAPIApplicationCommandsJSONBody,
} from "discord.js";
import { ru } from "./ru.js";
import { zhCN } from "./zh-CN.js";

/** A command, subcommand, group or option in one language; a choice or a context-menu command has a name only. */
interface CommandText {
  name: string;
  description?: string;
}

/**
 * One language's command texts by path: "trade", "trade ask", "trade ask question"; a choice by its option's path and
 * value ("trade-admin qa add mode:shadow"); a context-menu command by its name ("Ask trade bot").
 */
export type CommandTexts = Readonly<Record<string, CommandText>>;

type CommandLocalizations = Readonly<Partial<Record<Locale, CommandTexts>>>;

export const COMMAND_LOCALIZATIONS: CommandLocalizations = { [Locale.Russian]: ru, [Locale.ChineseCN]: zhCN };

/** A part of a command that carries a name in each language, and a description unless it is a choice or a context-menu command. */
interface CommandPart {
  path: string;
  described: boolean;
}

/** The command with `name_localizations` and `description_localizations` on it and on each of its options and choices. */
export function localizeCommand(
  command: RESTPostAPIApplicationCommandsJSONBody,
  localizations: CommandLocalizations = COMMAND_LOCALIZATIONS,
): RESTPostAPIApplicationCommandsJSONBody {
  const own = localizationsOf({ path: command.name, described: isChatInput(command) }, localizations);
  if (!("options" in command) || !command.options) return { ...command, ...own };
  return { ...command, ...own, options: command.options.map((option) => localizeOption(option, command.name, localizations)) };
}

/** Every part of the command that a language should name, with its path as the texts key it. */
export function commandParts(command: RESTPostAPIApplicationCommandsJSONBody): CommandPart[] {
  const own = { path: command.name, described: isChatInput(command) };
  return "options" in command && command.options ? [own, ...command.options.flatMap((option) => optionParts(option, command.name))] : [own];
}

function localizeOption<T extends APIApplicationCommandOption>(option: T, parent: string, localizations: CommandLocalizations): T {
  const path = `${parent} ${option.name}`;
  const localized = { ...option, ...localizationsOf({ path, described: true }, localizations) };
  if ("options" in option && option.options) {
    return { ...localized, options: option.options.map((child) => localizeOption(child, path, localizations)) };
  }
  if ("choices" in option && option.choices) {
    const choices = option.choices.map((choice) => ({ ...choice, ...localizationsOf({ path: choicePath(path, choice.value), described: false }, localizations) }));
    return { ...localized, choices };
  }
  return localized;
}

function optionParts(option: APIApplicationCommandOption, parent: string): CommandPart[] {
  const path = `${parent} ${option.name}`;
  const children = "options" in option && option.options ? option.options.flatMap((child) => optionParts(child, path)) : [];
  const choices = "choices" in option && option.choices ? option.choices.map((choice) => ({ path: choicePath(path, choice.value), described: false })) : [];
  return [{ path, described: true }, ...children, ...choices];
}

function localizationsOf(part: CommandPart, localizations: CommandLocalizations): { name_localizations?: LocalizationMap; description_localizations?: LocalizationMap } {
  const names: LocalizationMap = {};
  const descriptions: LocalizationMap = {};
  for (const [locale, texts] of Object.entries(localizations) as [Locale, CommandTexts][]) {
    const text = texts[part.path];
    if (text) names[locale] = text.name;
    if (text?.description && part.described) descriptions[locale] = text.description;
  }
  return {
    ...(Object.keys(names).length > 0 && { name_localizations: names }),
    ...(Object.keys(descriptions).length > 0 && { description_localizations: descriptions }),
  };
}

const choicePath = (optionPath: string, value: string | number) => `${optionPath}:${value}`;

const isChatInput = (command: RESTPostAPIApplicationCommandsJSONBody) => (command.type ?? ApplicationCommandType.ChatInput) === ApplicationCommandType.ChatInput;
