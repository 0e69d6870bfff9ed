import { ApplicationCommandType, Locale, type LocalizationMap, type RESTPostAPIApplicationCommandsJSONBody } from "discord.js";

/**
 * Discord's rules for a command's names and descriptions in every language, checked before registering so a bad
 * translation is named here instead of failing the whole PUT. From Discord's docs (developers/interactions/
 * application-commands.mdx, as of 2026-08):
 * - "Application Command Naming": CHAT_INPUT command and option names match `^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$`
 *   (unicode flag); "If there is a lowercase variant of any letters used, you must use those"; USER and MESSAGE
 *   commands "may be mixed case and can include spaces" (1-32 characters). The docs' pattern now also allows `'`;
 *   this one, of earlier versions, is the stricter.
 * - name_localizations and description_localizations: "dictionary with keys in available locales" (reference.mdx,
 *   Locales; discord.js's Locale lists them), "Values follow the same restrictions as" name and description
 *   (1-100 characters; choice names 1-100).
 * - "Localization": "Localized option names ... must be distinct from all other default option names of that command,
 *   as well as all other option names within that locale on that command" (checked among the options of one level,
 *   where Discord looks up an option by name).
 * - "Slash Commands": at most 8000 characters "for combined name, description, and value properties for each command,
 *   its options (including subcommands and groups), and choices. When localization fields are present, only the
 *   longest localization for each field (including the default value) is counted".
 * Lengths are counted in code points, as Discord's API description (maxLength) counts them.
 */

interface CommandProblem {
  /** `/trade ask question`, or a context-menu command's name. */
  path: string;
  /** The language whose text breaks the rule; none for the default (English) text or the whole command. */
  locale?: string;
  rule: string;
}

const SLASH_NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const SLASH_NAME_CHARACTER = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]$/u;
const NAME_MAX = 32;
const DESCRIPTION_MAX = 100;
const CHOICE_NAME_MAX = 100;
const COMMAND_SIZE_MAX = 8000;
const LOCALES: ReadonlySet<string> = new Set(Object.values(Locale));

/** What the rules read of a command, an option or a choice. */
interface Part {
  name: string;
  name_localizations?: LocalizationMap | null;
  description?: string;
  description_localizations?: LocalizationMap | null;
  options?: readonly Part[];
  choices?: readonly Part[];
  value?: string | number;
}

/** Every rule the command breaks, in any language; none when Discord will take it. */
export function commandProblems(command: RESTPostAPIApplicationCommandsJSONBody): CommandProblem[] {
  const part: Part = command;
  if ((command.type ?? ApplicationCommandType.ChatInput) !== ApplicationCommandType.ChatInput) {
    const names = texts(part.name, part.name_localizations).flatMap(({ locale, text }) => at(part.name, locale, lengthRule("name", text, NAME_MAX)));
    return [...localeProblems(part, part.name), ...names];
  }
  const path = `/${part.name}`;
  const size = commandSize(part);
  return [
    ...slashPartProblems(part, path),
    ...(size > COMMAND_SIZE_MAX ? [{ path, rule: `the command counts ${size} characters; Discord takes ${COMMAND_SIZE_MAX} (the longest text of each name and description)` }] : []),
  ];
}

/** One line for a person: where, in which language, what is wrong. */
export function problemLine({ path, locale, rule }: CommandProblem): string {
  return `${path}${locale ? ` (${locale})` : ""}: ${rule}`;
}

function slashPartProblems(part: Part, path: string): CommandProblem[] {
  const names = texts(part.name, part.name_localizations).flatMap(({ locale, text }) => at(path, locale, slashNameRule(text)));
  const descriptions = texts(part.description ?? "", part.description_localizations).flatMap(({ locale, text }) =>
    at(path, locale, lengthRule("description", text, DESCRIPTION_MAX)),
  );
  const options = part.options ?? [];
  const choices = (part.choices ?? []).flatMap((choice) =>
    texts(choice.name, choice.name_localizations).flatMap(({ locale, text }) => at(`${path}:${choice.value}`, locale, lengthRule("choice name", text, CHOICE_NAME_MAX))),
  );
  return [
    ...localeProblems(part, path),
    ...(part.choices ?? []).flatMap((choice) => localeProblems(choice, `${path}:${choice.value}`)),
    ...names,
    ...descriptions,
    ...choices,
    ...duplicateNames(options, path),
    ...options.flatMap((option) => slashPartProblems(option, `${path} ${option.name}`)),
  ];
}

/** The default text (no locale) and each translation of one field; a null translation removes one and is no text. */
function texts(text: string, localizations: LocalizationMap | null | undefined): { locale?: string; text: string }[] {
  const translated = Object.entries(localizations ?? {}).flatMap(([locale, value]) => (typeof value === "string" ? [{ locale, text: value }] : []));
  return [{ text }, ...translated];
}

function localeProblems(part: Part, path: string): CommandProblem[] {
  const locales = [...Object.keys(part.name_localizations ?? {}), ...Object.keys(part.description_localizations ?? {})];
  return [...new Set(locales)].filter((locale) => !LOCALES.has(locale)).map((locale) => ({ path, locale, rule: `"${locale}" is not a locale Discord knows` }));
}

function slashNameRule(name: string): string | undefined {
  if (SLASH_NAME.test(name) && name === name.toLowerCase()) return undefined;
  const length = lengthRule("name", name, NAME_MAX);
  if (length) return length;
  const wrong = [...name].find((character) => !SLASH_NAME_CHARACTER.test(character));
  if (wrong !== undefined) {
    return `name "${name}" has ${wrong === " " ? "a space" : `"${wrong}"`}; slash-command names take only letters, digits, - and _`;
  }
  return `name "${name}" must be lowercase: "${name.toLowerCase()}"`;
}

function lengthRule(field: string, text: string, max: number): string | undefined {
  const length = codePoints(text);
  if (length >= 1 && length <= max) return undefined;
  return length === 0 ? `${field} is empty; Discord takes 1 to ${max} characters` : `${field} "${text}" has ${length} characters; Discord takes 1 to ${max}`;
}

/** Options of one level: in each language, no name twice, and no translated name that is another option's default name. */
function duplicateNames(options: readonly Part[], parentPath: string): CommandProblem[] {
  const locales = [undefined, ...new Set(options.flatMap((option) => Object.keys(option.name_localizations ?? {})))];
  return locales.flatMap((locale) => {
    const taken = new Map<string, string>();
    return options.flatMap((option) => {
      const path = `${parentPath} ${option.name}`;
      const name = (locale && option.name_localizations?.[locale as Locale]) || option.name;
      const sameAsDefault = name === option.name ? undefined : options.find((candidate) => candidate !== option && candidate.name === name);
      const clash = taken.get(name) ?? (sameAsDefault && `${parentPath} ${sameAsDefault.name}`);
      taken.set(name, path);
      return clash ? [{ path, ...(locale && { locale }), rule: `name "${name}" is also the name of ${clash}; options of one level need different names` }] : [];
    });
  });
}

/** Characters as Discord counts them toward 8,000: each name and description by its longest text, each choice's value. */
function commandSize(part: Part): number {
  const longest = (text: string | undefined, localizations: LocalizationMap | null | undefined) =>
    Math.max(...texts(text ?? "", localizations).map((entry) => codePoints(entry.text)));
  return (
    longest(part.name, part.name_localizations) +
    longest(part.description, part.description_localizations) +
    (part.value === undefined ? 0 : codePoints(String(part.value))) +
    [...(part.options ?? []), ...(part.choices ?? [])].reduce((sum, child) => sum + commandSize(child), 0)
  );
}

function at(path: string, locale: string | undefined, rule: string | undefined): CommandProblem[] {
  return rule ? [{ path, ...(locale && { locale }), rule }] : [];
}

const codePoints = (text: string) => [...text].length;
