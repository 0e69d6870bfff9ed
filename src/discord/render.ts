import { ButtonStyle, ComponentType, escapeMarkdown, type APIEmbed, type APIEmbedField } from "discord.js";
import { askedWords } from "../i18n/asked-words.js";
import { attributionIn, statementIn, translationLabels } from "../i18n/fact-text.js";
import type { ReplyLocale } from "../i18n/locale.js";
import { appCommandName, commandName, slashCommand } from "../i18n/slash.js";
import { stringsFor, type Strings } from "../i18n/strings.js";
import { describeAbstention } from "../knowledge/abstention.js";
import { coveredTopics, describeSourceDate, displayableQuery } from "../knowledge/answer-view.js";
import type { Answer } from "../knowledge/engine.js";
import type { Fact, FactBase, Source } from "../knowledge/schema.js";
import { truncate } from "../truncate.js";
import { fitToLimits, LIMITS, type MessagePayload } from "./limits.js";

/** The "did you mean" menu: its id carries the reply's language, so the picked fact shows in it. */
export const PICK_FACT_ID = "trade:pick:";
export const VOTE_HELPFUL = "trade:vote:up:";
export const VOTE_NOT_HELPFUL = "trade:vote:down:";
export const QA_ASK_HUMAN = "trade:qa:human";
export const QA_REMOVE = "trade:qa:remove";
export const QA_SOLVED = "trade:qa:solved";

/** Facts scoring within this of the best one are close calls, offered next to the answer. */
const CLOSE_CALL = 0.05;

const COLOURS = { answer: 0x2e7d32, miss: 0xb26a00, info: 0x1565c0 } as const;

/** What the renderer reads of the fact base besides the facts it shows. */
type Catalogue = Pick<FactBase, "sources" | "facts">;

/** An answer from the engine, in the reply's language: the fact as an embed, or an honest miss with "did you mean" choices. */
export function renderAnswer(answer: Answer, catalogue: Catalogue, locale: ReplyLocale = "en"): MessagePayload {
  const s = stringsFor(locale);
  const question = answer.query;
  const top = answer.results[0];
  if (answer.answered && top) {
    const closeCalls = answer.results.slice(1).filter((result) => top.score - result.score <= CLOSE_CALL);
    return fitToLimits({
      embeds: [factEmbed(top.fact, catalogue, locale, { question, confidence: answer.confidence })],
      ...(closeCalls.length > 0 ? { components: [pickMenu(closeCalls, s.orDidYouMean, locale)] } : {}),
    });
  }
  const cleaned = displayableQuery(question, 300);
  const embed: APIEmbed = {
    color: COLOURS.miss,
    title: s.noAnswerTitle,
    description: [
      cleaned ? s.noAnswerTo(escapeMarkdown(cleaned)) : s.noAnswerToThat,
      ...(answer.abstention ? [escapeMarkdown(describeAbstention(answer.abstention, s, askedWords(question, locale)))] : []),
      "",
      s.iCover(coveredTopics(catalogue.facts).join(", ")),
      answer.results.length > 0 ? s.pickBelow : s.tryOtherWords(slashCommand("trade topics", locale)),
    ].join("\n"),
    footer: { text: s.footer },
  };
  return fitToLimits({ embeds: [embed], ...(answer.results.length > 0 ? { components: [pickMenu(answer.results, s.didYouMean, locale)] } : {}) });
}

/** A menu of facts to pick from ("did you mean"), labelled in the reply's language; picking one shows it. */
function pickMenu(results: Answer["results"], placeholder: string, locale: ReplyLocale): NonNullable<MessagePayload["components"]>[number] {
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.StringSelect,
        custom_id: `${PICK_FACT_ID}${locale}`,
        placeholder,
        options: results.slice(0, LIMITS.selectOptions).map(({ fact }) => ({
          label: truncate(statementIn(fact, locale), LIMITS.selectOptionLabel),
          value: fact.id,
          description: truncate(fact.topic, LIMITS.selectOptionDescription),
        })),
      },
    ],
  };
}

/** The answer's fact with "helpful" / "not helpful" buttons under it (above any other components). */
export function withFeedbackButtons(payload: MessagePayload, factId: string, locale: ReplyLocale = "en"): MessagePayload {
  const s = stringsFor(locale);
  return {
    ...payload,
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          { type: ComponentType.Button, style: ButtonStyle.Secondary, emoji: { name: "👍" }, label: s.helpful, custom_id: `${VOTE_HELPFUL}${factId}` },
          { type: ComponentType.Button, style: ButtonStyle.Secondary, emoji: { name: "👎" }, label: s.notHelpful, custom_id: `${VOTE_NOT_HELPFUL}${factId}` },
        ],
      },
      ...(payload.components ?? []),
    ],
  };
}

/** The buttons under an answer posted unasked: ask a human (when a helper role is set), remove it, mark the post solved (in a forum). */
export function withQaButtons(payload: MessagePayload, { askHuman, solved }: { askHuman: boolean; solved: boolean }, locale: ReplyLocale = "en"): MessagePayload {
  const s = stringsFor(locale);
  const button = (label: string, customId: string, emoji: string, style: ButtonStyle.Secondary | ButtonStyle.Success) => ({ type: ComponentType.Button as const, style, emoji: { name: emoji }, label, custom_id: customId });
  return {
    ...payload,
    components: [
      ...(payload.components ?? []),
      {
        type: ComponentType.ActionRow,
        components: [
          ...(askHuman ? [button(s.askHuman, QA_ASK_HUMAN, "🙋", ButtonStyle.Secondary)] : []),
          button(s.remove, QA_REMOVE, "🗑️", ButtonStyle.Secondary),
          ...(solved ? [button(s.solved, QA_SOLVED, "✅", ButtonStyle.Success)] : []),
        ],
      },
    ],
  };
}

/** What a bare @mention gets: two lines on how to ask. */
export function renderMentionHelp(locale: ReplyLocale = "en"): MessagePayload {
  return { content: stringsFor(locale).mentionHelp(slashCommand("trade ask", locale), slashCommand("trade help", locale)) };
}

/** One fact as an embed, as `/trade fact` shows it. */
export function renderFact(fact: Fact, catalogue: Catalogue, locale: ReplyLocale = "en"): MessagePayload {
  return fitToLimits({ embeds: [factEmbed(fact, catalogue, locale, {})] });
}

function factEmbed(fact: Fact, catalogue: Catalogue, locale: ReplyLocale, { question, confidence }: { question?: string; confidence?: number }): APIEmbed {
  const s = stringsFor(locale);
  const { title, description, fields, footer } = factParts(fact, catalogue.sources.find((candidate) => candidate.id === fact.sourceId), locale);
  const shownFields = [...fields];
  if (confidence !== undefined) shownFields.splice(3, 0, { name: s.confidence, value: `${Math.round(confidence * 100)}%`, inline: true });
  const prefix = `${s.questionPrefix} `;
  return {
    color: COLOURS.answer,
    ...(question?.trim() && question.trim() !== fact.id ? { author: { name: `${prefix}${displayableQuery(question, LIMITS.author - prefix.length)}` } } : {}),
    title,
    description,
    fields: shownFields,
    footer: { text: footer },
  };
}

interface FactParts {
  source: Source | undefined;
  title: string;
  description: string;
  fields: readonly APIEmbedField[];
  footer: string;
}

/**
 * What a fact's embed shows whoever asks in one language, escaped once per fact, source and language (escaping is
 * most of the rendering cost at hundreds of asks a second). Facts and sources are immutable: an edit makes new
 * objects, so nothing goes stale.
 */
const partsCache = new WeakMap<Fact, Map<ReplyLocale, FactParts>>();

function factParts(fact: Fact, source: Source | undefined, locale: ReplyLocale): FactParts {
  const byLocale = partsCache.get(fact) ?? new Map<ReplyLocale, FactParts>();
  const cached = byLocale.get(locale);
  if (cached && cached.source === source) return cached;
  const s = stringsFor(locale);
  const labels = translationLabels(fact, locale);
  const statement = escapeMarkdown(statementIn(fact, locale));
  const quote = escapeMarkdown(fact.quote)
    .split("\n")
    .map((line) => `> ${line}`)
    .join("\n");
  const labelledQuote = labels ? `**${labels.quote}**\n${quote}` : quote;
  const fields: APIEmbedField[] = [
    { name: s.saidBy, value: escapeMarkdown(attributionIn(fact, locale)), inline: true },
    { name: s.source, value: sourceLine(source, fact.sourceId, s), inline: true },
    { name: s.fact, value: `\`${fact.id}\``, inline: true },
  ];
  if (fact.status === "retired") fields.push({ name: s.status, value: s.retired, inline: false });
  const parts = {
    source,
    title: truncate(statement, LIMITS.embedTitle),
    description: statement.length > LIMITS.embedTitle ? `${statement}\n\n${labelledQuote}` : labelledQuote,
    fields: fields.map((field) => Object.freeze(field)),
    footer: labels ? `${s.footer}\n${labels.statement}` : s.footer,
  };
  byLocale.set(locale, parts);
  partsCache.set(fact, byLocale);
  return parts;
}

function sourceLine(source: Source | undefined, sourceId: string, s: Strings): string {
  if (!source) return escapeMarkdown(sourceId);
  const title = escapeMarkdown(source.title);
  const named = source.url ? `[${title}](${source.url})` : title;
  return [named, source.publisher ? escapeMarkdown(source.publisher) : null, describeSourceDate(source, s)].filter(Boolean).join("\n");
}

/** The topics with their number of facts; or, given a topic, its facts. */
export function renderTopics(catalogue: Catalogue, topic?: string, locale: ReplyLocale = "en"): MessagePayload {
  const s = stringsFor(locale);
  const active = catalogue.facts.filter((fact) => fact.status === "active");
  const topics = coveredTopics(active);
  const statement = (fact: Fact) => statementIn(fact, locale);
  if (!topic) {
    return fitToLimits({
      embeds: [
        {
          color: COLOURS.info,
          title: s.topicsTitle,
          description: s.topicsBrowse(`${slashCommand("trade topics", locale)} ${commandName("trade topics topic", locale)}:<…>`, slashCommand("trade ask", locale)),
          fields: topics.slice(0, LIMITS.embedFields).map((name) => {
            const facts = active.filter((fact) => fact.topic === name);
            return { name: `${name} (${facts.length})`, value: facts.slice(0, 3).map((fact) => `• ${escapeMarkdown(truncate(statement(fact), 120))}`).join("\n") };
          }),
          footer: { text: s.footer },
        },
      ],
    });
  }
  const match = topics.find((name) => name.toLowerCase() === topic.trim().toLowerCase());
  if (!match) return { content: s.noSuchTopic(escapeMarkdown(truncate(topic, 100)), topics.join(", ")) };
  const lines = active.filter((fact) => fact.topic === match).map((fact) => `• ${escapeMarkdown(statement(fact))} (\`${fact.id}\`)`);
  return fitToLimits({ embeds: [{ color: COLOURS.info, title: match, description: lines.join("\n"), footer: { text: s.showOneFact(slashCommand("trade fact", locale)) } }] });
}

/** Each source with what is known of it and how many facts it backs; one line each when there are many. */
export function renderSources(catalogue: Catalogue, locale: ReplyLocale = "en"): MessagePayload {
  const s = stringsFor(locale);
  const backedBy = (source: Source) => catalogue.facts.filter((fact) => fact.sourceId === source.id && fact.status === "active").length;
  if (catalogue.sources.length > 3) {
    const lines = catalogue.sources.map((source) => {
      const title = escapeMarkdown(truncate(source.title, 120));
      return `• ${source.url ? `[${title}](${source.url})` : title} — ${source.publisher ? `${escapeMarkdown(source.publisher)}, ` : ""}${describeSourceDate(source, s)}; ${s.sourceFactCount(backedBy(source))} (\`${source.id}\`)`;
    });
    return fitToLimits({ embeds: [{ color: COLOURS.info, title: s.sourcesTitle(catalogue.sources.length), description: lines.join("\n"), footer: { text: s.footer } }] });
  }
  return fitToLimits({
    embeds: catalogue.sources.map((source) => ({
      color: COLOURS.info,
      title: escapeMarkdown(source.title),
      ...(source.url ? { url: source.url } : {}),
      fields: [
        { name: s.publisher, value: source.publisher ? escapeMarkdown(source.publisher) : s.unknown, inline: true },
        { name: s.date, value: source.date ? escapeMarkdown(source.date) : s.unknown, inline: true },
        { name: s.facts, value: String(backedBy(source)), inline: true },
        ...(source.dateNote ? [{ name: s.note, value: escapeMarkdown(source.dateNote) }] : []),
        { name: s.link, value: source.url ?? s.unknown },
      ],
      footer: { text: s.sourceId(source.id) },
    })),
  });
}

/** What the bot knows and how to ask it, with the commands as members of this language see them. */
export function renderHelp(catalogue: Catalogue, locale: ReplyLocale = "en"): MessagePayload {
  const s = stringsFor(locale);
  const active = catalogue.facts.filter((fact) => fact.status === "active");
  const option = (path: string, value: string) => `${commandName(path, locale)}:${value}`;
  const privately = option("trade ask private", "true");
  return fitToLimits({
    embeds: [
      {
        color: COLOURS.info,
        title: s.helpTitle,
        description: [s.helpIntro(active.length), s.helpLanguages, "", s.helpTopics(coveredTopics(active).join(", "))].join("\n"),
        fields: [
          { name: `${slashCommand("trade ask", locale)} ${option("trade ask question", "<…>")} [${privately}]`, value: s.helpAsk(privately) },
          { name: `${slashCommand("trade fact", locale)} ${option("trade fact id", "<id>")}`, value: s.helpFact },
          { name: `${slashCommand("trade topics", locale)} [${commandName("trade topics topic", locale)}]`, value: s.helpTopicsCommand },
          { name: slashCommand("trade sources", locale), value: s.helpSources },
          { name: s.helpAppsName(appCommandName("Ask trade bot", locale)), value: s.helpApps },
        ],
        footer: { text: s.footer },
      },
    ],
  });
}

/** A short message to the user (errors, refusals, cooldowns): plain text, no embeds. */
export function renderNotice(text: string): MessagePayload {
  return { content: truncate(text, LIMITS.content) };
}

