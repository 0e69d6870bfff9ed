import type { ReplyLocale } from "./locale.js";

/** A command, subcommand or option by its path ("trade ask question"), as members of this language see its name. */
export function commandName(path: string, _locale: ReplyLocale): string {
  return path.split(" ").at(-1)!;
}

/** A slash command as members of this language type it (`/trade ask`), for texts that name one. */
export function slashCommand(path: string, locale: ReplyLocale): string {
  const parts = path.split(" ");
  return `/${parts.map((_, i) => commandName(parts.slice(0, i + 1).join(" "), locale)).join(" ")}`;
}

/** A context-menu command ("Ask trade bot") as members of this language see it in Apps. */
export function appCommandName(name: string, _locale: ReplyLocale): string {
  return name;
}
