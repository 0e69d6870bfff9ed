import { COMMAND_LOCALIZATIONS } from "./commands/localize.js";
import type { ReplyLocale } from "./locale.js";

/**
 * A command, subcommand or option by its path ("trade ask question"), or a context-menu command by its name
 * ("Ask trade bot"), as members of this language see it in Discord: the name it is registered with for them.
 */
export function commandName(path: string, locale: ReplyLocale): string {
  const localized = locale === "en" ? undefined : COMMAND_LOCALIZATIONS[locale]?.[path]?.name;
  return localized ?? path.split(" ").at(-1)!;
}

/** A slash command as members of this language type it (`/trade ask`, `/торговля спросить`), for texts that name one. */
export function slashCommand(path: string, locale: ReplyLocale): string {
  const parts = path.split(" ");
  return `/${parts.map((_, i) => commandName(parts.slice(0, i + 1).join(" "), locale)).join(" ")}`;
}

/** A context-menu command ("Ask trade bot") as members of this language see it in Apps. */
export function appCommandName(name: string, locale: ReplyLocale): string {
  return (locale === "en" ? undefined : COMMAND_LOCALIZATIONS[locale]?.[name]?.name) ?? name;
}
