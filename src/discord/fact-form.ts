import { LabelBuilder, ModalBuilder, TextInputBuilder, TextInputStyle, type APIModalInteractionResponseCallbackData } from "discord.js";
import { FactDraftSchema, SourceDraftSchema, type FactDraft, type SourceDraft } from "../knowledge/store/fact-store.js";
import type { ReplyLocale } from "../i18n/locale.js";
import { stringsFor } from "../i18n/strings.js";
import { truncate } from "../truncate.js";

/** The five inputs of the fact modal (Discord allows five), each with the draft fields it carries; their labels are the catalogue's `factFormLabels`. */
export const FACT_FORM = {
  statement: { style: TextInputStyle.Paragraph, max: 1000, fields: ["statement"] },
  quote: { style: TextInputStyle.Paragraph, max: 2000, fields: ["quote"] },
  source: { style: TextInputStyle.Paragraph, max: 400, fields: ["sourceId", "attribution"] },
  topic: { style: TextInputStyle.Short, max: 100, fields: ["topic"] },
  terms: { style: TextInputStyle.Paragraph, max: 1000, fields: ["keywords", "aliases"] },
} as const;

export type FactFormValues = Record<keyof typeof FACT_FORM, string>;
export type FormProblem = { input: string; reason: string };

/** The source modal's inputs; their labels are the catalogue's `sourceFormLabels`. */
export const SOURCE_FORM = {
  title: { style: TextInputStyle.Short, max: 300, required: true },
  publisher: { style: TextInputStyle.Short, max: 200, required: false },
  url: { style: TextInputStyle.Short, max: 500, required: false },
  date: { style: TextInputStyle.Short, max: 100, required: false },
  text: { style: TextInputStyle.Paragraph, max: 4000, required: false },
} as const;

export type SourceFormValues = Record<keyof typeof SOURCE_FORM, string>;

export function factFormValues(draft: FactDraft): FactFormValues {
  return {
    statement: draft.statement,
    quote: draft.quote,
    source: `${draft.sourceId}\n${draft.attribution}`,
    topic: draft.topic,
    terms: termsText(draft),
  };
}

/** Reads the modal's text back into a draft; problems name the input they belong to, as the form labels it in `locale`. */
export function parseFactForm(values: FactFormValues, locale: ReplyLocale = "en"): { draft?: FactDraft; problems: FormProblem[] } {
  const [sourceId = "", ...attribution] = values.source.split("\n").map((line) => line.trim());
  const terms = parseTerms(values.terms);
  const candidate = {
    statement: values.statement.trim(),
    quote: values.quote.trim(),
    sourceId,
    attribution: attribution.filter(Boolean).join(" "),
    topic: values.topic.trim(),
    keywords: terms.keywords,
    aliases: terms.aliases,
  };
  const parsed = FactDraftSchema.safeParse(candidate);
  if (parsed.success) return { draft: parsed.data, problems: [] };
  return {
    problems: parsed.error.issues.map((issue) => {
      const field = String(issue.path[0]);
      const reason = field === "attribution" && !candidate.attribution ? stringsFor(locale).attributionOnSecondLine : issue.message;
      return { input: inputOf(field, locale), reason: `${field}: ${reason}` };
    }),
  };
}

/** The label, in `locale`, of the modal input a draft field is typed into. */
export function inputOf(field: string, locale: ReplyLocale = "en"): string {
  const input = (Object.keys(FACT_FORM) as (keyof typeof FACT_FORM)[]).find((name) => (FACT_FORM[name].fields as readonly string[]).includes(field));
  return input ? stringsFor(locale).factFormLabels[input] : field;
}

/** The labels, in `locale`, of the inputs whose text is longer than the form holds (the form would cut it). */
export function inputsTooLong(values: FactFormValues, locale: ReplyLocale): string[] {
  const labels = stringsFor(locale).factFormLabels;
  return (Object.keys(FACT_FORM) as (keyof typeof FACT_FORM)[]).filter((input) => values[input].length > FACT_FORM[input].max).map((input) => labels[input]);
}

/** Keywords and aliases as the form's terms input shows them: two labelled lines, which `parseTerms` reads back. */
export function termsText({ keywords, aliases }: { keywords: readonly string[]; aliases: readonly string[] }): string {
  return `keywords: ${keywords.join(", ")}\naliases: ${aliases.join(", ")}`;
}

/** Keywords and aliases from the two lines of the form's terms input, labelled or not; Chinese commas (，、) separate too. */
export function parseTerms(text: string): { keywords: string[]; aliases: string[] } {
  const lines = text.split("\n").map((line) => line.trim()).filter(Boolean);
  const list = (line: string | undefined) => (line ?? "").replace(/^(keywords|aliases)\s*:/i, "").split(/[,，、]/).map((item) => item.trim()).filter(Boolean);
  const keywords = lines.find((line) => /^keywords\s*:/i.test(line)) ?? lines.find((line) => !/^aliases\s*:/i.test(line));
  const aliases = lines.find((line) => /^aliases\s*:/i.test(line)) ?? lines.filter((line) => line !== keywords && !/^keywords\s*:/i.test(line))[0];
  return { keywords: list(keywords), aliases: list(aliases) };
}

export function factModal(customId: string, title: string, values: Partial<FactFormValues> = {}, locale: ReplyLocale = "en"): APIModalInteractionResponseCallbackData {
  const labels = stringsFor(locale).factFormLabels;
  const modal = new ModalBuilder().setCustomId(customId).setTitle(truncate(title, 45));
  for (const [id, input] of Object.entries(FACT_FORM) as [keyof typeof FACT_FORM, (typeof FACT_FORM)[keyof typeof FACT_FORM]][]) {
    const text = new TextInputBuilder().setCustomId(id).setStyle(input.style).setMaxLength(input.max).setRequired(true);
    const value = values[id];
    if (value) text.setValue(value);
    modal.addLabelComponents(new LabelBuilder().setLabel(labels[id]).setTextInputComponent(text));
  }
  return modal.toJSON();
}

export function sourceModal(customId: string, values: Partial<SourceFormValues> = {}, locale: ReplyLocale = "en"): APIModalInteractionResponseCallbackData {
  const s = stringsFor(locale);
  const modal = new ModalBuilder().setCustomId(customId).setTitle(s.registerSourceTitle);
  for (const [id, input] of Object.entries(SOURCE_FORM) as [keyof typeof SOURCE_FORM, (typeof SOURCE_FORM)[keyof typeof SOURCE_FORM]][]) {
    const text = new TextInputBuilder().setCustomId(id).setStyle(input.style).setMaxLength(input.max).setRequired(input.required);
    const value = values[id];
    if (value) text.setValue(value);
    modal.addLabelComponents(new LabelBuilder().setLabel(s.sourceFormLabels[id]).setTextInputComponent(text));
  }
  return modal.toJSON();
}

/** The label, in `locale`, of the source modal's input a source field is typed into. */
export function sourceInputOf(field: string, locale: ReplyLocale = "en"): string {
  const labels: Readonly<Record<string, string>> = stringsFor(locale).sourceFormLabels;
  return labels[field] ?? field;
}

/** Reads the source modal back; problems name the input they belong to, as the form labels it in `locale`. */
export function parseSourceForm(values: SourceFormValues, locale: ReplyLocale = "en"): { draft?: SourceDraft; problems: FormProblem[] } {
  const optional = (value: string) => (value.trim() ? value.trim() : null);
  const candidate = {
    title: values.title.trim(),
    publisher: optional(values.publisher),
    url: optional(values.url),
    date: optional(values.date),
    dateNote: null,
    text: optional(values.text),
  };
  const parsed = SourceDraftSchema.safeParse(candidate);
  if (parsed.success) return { draft: parsed.data, problems: [] };
  return {
    problems: parsed.error.issues.map((issue) => {
      const field = String(issue.path[0]);
      return { input: sourceInputOf(field, locale), reason: `${field}: ${issue.message}` };
    }),
  };
}
