import { escapeMarkdown, LabelBuilder, ModalBuilder, TextDisplayBuilder, TextInputBuilder, TextInputStyle, type APIModalInteractionResponseCallbackData } from "discord.js";
import type { ReplyLocale } from "../i18n/locale.js";
import { stringsFor } from "../i18n/strings.js";
import { FactTranslationSchema, type Fact, type FactTranslation, type TranslationLocale } from "../knowledge/schema.js";
import { translationProblems } from "../knowledge/validate-translations.js";
import { truncate } from "../truncate.js";
import { parseTerms, termsText, type FormProblem } from "./fact-form.js";

/**
 * The translation form's inputs, each with the translation fields it carries; the modal shows the English statement
 * above them (five components in all, Discord's most). Labels and hints are the catalogue's `translationForm*`.
 */
export const TRANSLATION_FORM = {
  statement: { style: TextInputStyle.Paragraph, max: 1000, fields: ["statement"] },
  terms: { style: TextInputStyle.Paragraph, max: 4000, fields: ["keywords", "aliases"] },
  questions: { style: TextInputStyle.Paragraph, max: 4000, fields: ["questions"] },
  reason: { style: TextInputStyle.Short, max: 300, fields: [] },
} as const;

type TranslationInput = keyof typeof TRANSLATION_FORM;
export type TranslationFormValues = Record<TranslationInput, string>;

/** What a submitted form asks for: the translation to save, its removal (an empty statement), or what is wrong. */
export type TranslationSubmission =
  | { kind: "save"; translation: FactTranslation }
  | { kind: "remove" }
  | { kind: "invalid"; problems: FormProblem[] };

const MODAL_TITLE_MAX = 45;
const PLACEHOLDER_MAX = 100;
const TEXT_DISPLAY_MAX = 4000;

/** The form filled in with the fact's translation into `locale`, or empty when it has none. */
export function translationFormValues(fact: Fact, locale: TranslationLocale): TranslationFormValues {
  const translation = fact.translations?.[locale];
  return {
    statement: translation?.statement ?? "",
    terms: translation ? termsText(translation) : "",
    questions: translation?.questions.join("\n") ?? "",
    reason: "",
  };
}

/** The labels, in `uiLocale`, of the inputs whose text is longer than the form holds (the form would cut it). */
export function translationInputsTooLong(values: TranslationFormValues, uiLocale: ReplyLocale): string[] {
  const labels = stringsFor(uiLocale).translationFormLabels;
  return inputs().filter((input) => values[input].length > TRANSLATION_FORM[input].max).map((input) => labels[input]);
}

/**
 * Reads the form back. An empty statement asks to remove the translation; otherwise the translation must fit the
 * schema and say what the English statement says (its figures, the base's one spelling of each name). Problems
 * name the input, labelled in `uiLocale`, and are all reported at once.
 */
export function parseTranslationForm(values: TranslationFormValues, fact: Pick<Fact, "statement">, locale: TranslationLocale, uiLocale: ReplyLocale): TranslationSubmission {
  const statement = values.statement.trim();
  if (!statement) return { kind: "remove" };
  const { keywords, aliases } = parseTerms(values.terms);
  const questions = values.questions.split("\n").map((line) => line.trim()).filter(Boolean);
  const candidate = { statement, keywords, aliases, questions };
  const parsed = FactTranslationSchema.safeParse(candidate);
  const labels = stringsFor(uiLocale).translationFormLabels;
  const problem = (field: string, reason: string): FormProblem => ({ input: labels[inputOf(field)], reason: `${field}: ${reason}` });
  const problems = [
    ...(parsed.error?.issues ?? []).map((issue) => problem(issue.path.map((part, i) => (i === 0 ? part : Number(part) + 1)).join(" "), issue.message)),
    ...translationProblems("translation", { statement: fact.statement, translations: { [locale]: candidate } }).map(({ reason }) => problem("statement", reason)),
  ];
  if (!parsed.success || problems.length > 0) return { kind: "invalid", problems };
  return { kind: "save", translation: parsed.data };
}

/**
 * The form in the moderator's language (`uiLocale`): the fact's English statement in full on top, then the
 * translation's inputs, each with the English it translates as its placeholder, filled in with `values`.
 */
export function translationModal(customId: string, fact: Fact, locale: TranslationLocale, values: Partial<TranslationFormValues>, uiLocale: ReplyLocale): APIModalInteractionResponseCallbackData {
  const s = stringsFor(uiLocale);
  const english: TranslationFormValues = {
    statement: fact.statement,
    terms: termsText(fact),
    questions: fact.questions.join("\n"),
    reason: `translation ${locale}`,
  };
  const modal = new ModalBuilder()
    .setCustomId(customId)
    .setTitle(truncate(s.translationFormTitle(s.translationLanguages[locale], fact.id), MODAL_TITLE_MAX))
    .addTextDisplayComponents(new TextDisplayBuilder().setContent(truncate(s.translationFormEnglish(escapeMarkdown(fact.statement)), TEXT_DISPLAY_MAX)));
  for (const input of inputs()) {
    const text = new TextInputBuilder()
      .setCustomId(input)
      .setStyle(TRANSLATION_FORM[input].style)
      .setMaxLength(TRANSLATION_FORM[input].max)
      .setRequired(false);
    if (english[input]) text.setPlaceholder(truncate(english[input], PLACEHOLDER_MAX));
    const value = values[input];
    if (value) text.setValue(value);
    modal.addLabelComponents(new LabelBuilder().setLabel(s.translationFormLabels[input]).setDescription(s.translationFormHints[input]).setTextInputComponent(text));
  }
  return modal.toJSON();
}

function inputs(): TranslationInput[] {
  return Object.keys(TRANSLATION_FORM) as TranslationInput[];
}

function inputOf(field: string): TranslationInput {
  const name = field.split(" ")[0] ?? field;
  return inputs().find((input) => (TRANSLATION_FORM[input].fields as readonly string[]).includes(name)) ?? "statement";
}
