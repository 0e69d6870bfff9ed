import type { Language } from "../knowledge/question.js";

/** The languages the bot replies in. */
export const REPLY_LOCALES = ["en", "ru", "zh-CN"] as const;
export type ReplyLocale = (typeof REPLY_LOCALES)[number];

/** The reply language for a Discord locale (`interaction.locale`); Chinese readers of Traditional get Simplified rather than English. */
export function localeFromDiscord(discordLocale: string | null | undefined): ReplyLocale | undefined {
  if (discordLocale === "ru") return "ru";
  if (discordLocale === "zh-CN" || discordLocale === "zh-TW") return "zh-CN";
  if (discordLocale?.startsWith("en-")) return "en";
  return undefined;
}

/** The language of a reply to a member (a moderator too) when no question says otherwise: their Discord locale, else English. */
export function memberLocale(interaction: { locale: string }): ReplyLocale {
  return localeFromDiscord(interaction.locale) ?? "en";
}

/** The question's language when it is clearly Russian or Chinese, otherwise the asker's Discord locale, otherwise English. */
export function replyLocale(questionLanguage: Language | undefined, discordLocale?: string | null): ReplyLocale {
  if (questionLanguage === "ru") return "ru";
  if (questionLanguage === "zh") return "zh-CN";
  return localeFromDiscord(discordLocale) ?? "en";
}

export function isReplyLocale(value: string): value is ReplyLocale {
  return (REPLY_LOCALES as readonly string[]).includes(value);
}
