import type { ReplyLocale } from "./locale.js";

/** Sentences one after another as the language writes them: Chinese puts no space after its full stop, the others one. */
export function sentences(locale: ReplyLocale, ...parts: readonly string[]): string {
  return parts.join(locale === "zh-CN" ? "" : " ");
}
