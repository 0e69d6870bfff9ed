import { ButtonStyle, ComponentType, escapeMarkdown, type APIEmbed, type APIEmbedField } from "discord.js";
import { describeAbstention } from "../knowledge/abstention.js";
import { coveredTopics, describeSourceDate, displayableQuery } from "../knowledge/answer-view.js";
import type { Answer } from "../knowledge/engine.js";
import type { Fact, FactBase, Source } from "../knowledge/schema.js";
import { truncate } from "../truncate.js";
import { fitToLimits, LIMITS, type MessagePayload } from "./limits.js";

export const PICK_FACT_ID = "trade:pick";
export const VOTE_HELPFUL = "trade:vote:up:";
export const VOTE_NOT_HELPFUL = "trade:vote:down:";
export const QA_ASK_HUMAN = "trade:qa:human";
export const QA_REMOVE = "trade:qa:remove";
export const QA_SOLVED = "trade:qa:solved";

/** Facts scoring within this of the best one are close calls, offered next to the answer. */
const CLOSE_CALL = 0.05;

const COLOURS = { answer: 0x2e7d32, miss: 0xb26a00, info: 0x1565c0 } as const;
const FOOTER = "Answers come only from curated facts, each quoted from its source.";

/** What the renderer reads of the fact base besides the facts it shows. */
type Catalogue = Pick<FactBase, "sources" | "facts">;

/** An answer from the engine: the fact as an embed, or an honest miss with "did you mean" choices. */
export function renderAnswer(answer: Answer, catalogue: Catalogue): MessagePayload {
  const question = answer.query;
  const top = answer.results[0];
  if (answer.answered && top) {
    const closeCalls = answer.results.slice(1).filter((result) => top.score - result.score <= CLOSE_CALL);
    return fitToLimits({
      embeds: [factEmbed(top.fact, catalogue, { question, confidence: answer.confidence })],
      ...(closeCalls.length > 0 ? { components: [pickMenu(closeCalls, "Or did you mean…")] } : {}),
    });
  }
  const cleaned = displayableQuery(question, 300);
  const shown = cleaned ? `“${escapeMarkdown(cleaned)}”` : "that";
  const embed: APIEmbed = {
    color: COLOURS.miss,
    title: "No sourced answer",
    description: [
      `I have no sourced fact that answers ${shown}, so I won't guess.`,
      ...(answer.abstention ? [escapeMarkdown(describeAbstention(answer.abstention))] : []),
      "",
      `I cover: ${coveredTopics(catalogue.facts).join(", ")}.`,
      answer.results.length > 0 ? "Did you mean one of these? Pick one below." : "Try other words, or browse with `/trade topics`.",
    ].join("\n"),
    footer: { text: FOOTER },
  };
  return fitToLimits({ embeds: [embed], ...(answer.results.length > 0 ? { components: [pickMenu(answer.results, "Did you mean…")] } : {}) });
}

/** A menu of facts to pick from ("did you mean"); picking one shows it. */
function pickMenu(results: Answer["results"], placeholder: string): NonNullable<MessagePayload["components"]>[number] {
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.StringSelect,
        custom_id: PICK_FACT_ID,
        placeholder,
        options: results.slice(0, LIMITS.selectOptions).map(({ fact }) => ({
          label: truncate(fact.statement, LIMITS.selectOptionLabel),
          value: fact.id,
          description: truncate(fact.topic, LIMITS.selectOptionDescription),
        })),
      },
    ],
  };
}

/** The answer's fact with "helpful" / "not helpful" buttons under it (above any other components). */
export function withFeedbackButtons(payload: MessagePayload, factId: string): MessagePayload {
  return {
    ...payload,
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          { type: ComponentType.Button, style: ButtonStyle.Secondary, emoji: { name: "👍" }, label: "Helpful", custom_id: `${VOTE_HELPFUL}${factId}` },
          { type: ComponentType.Button, style: ButtonStyle.Secondary, emoji: { name: "👎" }, label: "Not helpful", custom_id: `${VOTE_NOT_HELPFUL}${factId}` },
        ],
      },
      ...(payload.components ?? []),
    ],
  };
}

/** The buttons under an answer posted unasked: ask a human (when a helper role is set), remove it, mark the post solved (in a forum). */
export function withQaButtons(payload: MessagePayload, { askHuman, solved }: { askHuman: boolean; solved: boolean }): MessagePayload {
  const button = (label: string, customId: string, emoji: string, style: ButtonStyle.Secondary | ButtonStyle.Success) => ({ type: ComponentType.Button as const, style, emoji: { name: emoji }, label, custom_id: customId });
  return {
    ...payload,
    components: [
      ...(payload.components ?? []),
      {
        type: ComponentType.ActionRow,
        components: [
          ...(askHuman ? [button("Ask a human", QA_ASK_HUMAN, "🙋", ButtonStyle.Secondary)] : []),
          button("Remove", QA_REMOVE, "🗑️", ButtonStyle.Secondary),
          ...(solved ? [button("Solved", QA_SOLVED, "✅", ButtonStyle.Success)] : []),
        ],
      },
    ],
  };
}

/** What a bare @mention gets: two lines on how to ask. */
export function renderMentionHelp(): MessagePayload {
  return { content: "Ask me about China–Russia trade: mention me with your question, e.g. “@trade-facts how much did Liaoning export to Russia?”\nOr use `/trade ask`; `/trade help` says what I know." };
}

/** One fact as an embed, as `/trade fact` shows it. */
export function renderFact(fact: Fact, catalogue: Catalogue): MessagePayload {
  return fitToLimits({ embeds: [factEmbed(fact, catalogue, {})] });
}

function factEmbed(fact: Fact, catalogue: Catalogue, { question, confidence }: { question?: string; confidence?: number }): APIEmbed {
  const { title, description, fields } = factParts(fact, catalogue.sources.find((candidate) => candidate.id === fact.sourceId));
  const shownFields = [...fields];
  if (confidence !== undefined) shownFields.splice(3, 0, { name: "Confidence", value: `${Math.round(confidence * 100)}%`, inline: true });
  return {
    color: COLOURS.answer,
    ...(question?.trim() && question.trim() !== fact.id ? { author: { name: `Q: ${displayableQuery(question, LIMITS.author - 3)}` } } : {}),
    title,
    description,
    fields: shownFields,
    footer: { text: FOOTER },
  };
}

interface FactParts {
  source: Source | undefined;
  title: string;
  description: string;
  fields: readonly APIEmbedField[];
}

/**
 * What a fact's embed shows whoever asks, escaped once per fact and source (escaping is most of the rendering cost
 * at hundreds of asks a second). Facts and sources are immutable: an edit makes new objects, so nothing goes stale.
 */
const partsCache = new WeakMap<Fact, FactParts>();

function factParts(fact: Fact, source: Source | undefined): FactParts {
  const cached = partsCache.get(fact);
  if (cached && cached.source === source) return cached;
  const statement = escapeMarkdown(fact.statement);
  const quote = escapeMarkdown(fact.quote)
    .split("\n")
    .map((line) => `> ${line}`)
    .join("\n");
  const fields: APIEmbedField[] = [
    { name: "Said by", value: escapeMarkdown(fact.attribution), inline: true },
    { name: "Source", value: sourceLine(source, fact.sourceId), inline: true },
    { name: "Fact", value: `\`${fact.id}\``, inline: true },
  ];
  if (fact.status === "retired") fields.push({ name: "Status", value: "Retired: no longer used to answer questions", inline: false });
  const parts = {
    source,
    title: truncate(statement, LIMITS.embedTitle),
    description: statement.length > LIMITS.embedTitle ? `${statement}\n\n${quote}` : quote,
    fields: fields.map((field) => Object.freeze(field)),
  };
  partsCache.set(fact, parts);
  return parts;
}

function sourceLine(source: Source | undefined, sourceId: string): string {
  if (!source) return escapeMarkdown(sourceId);
  const title = escapeMarkdown(source.title);
  const named = source.url ? `[${title}](${source.url})` : title;
  return [named, source.publisher ? escapeMarkdown(source.publisher) : null, describeSourceDate(source)].filter(Boolean).join("\n");
}

/** The topics with their number of facts; or, given a topic, its facts. */
export function renderTopics(catalogue: Catalogue, topic?: string): MessagePayload {
  const active = catalogue.facts.filter((fact) => fact.status === "active");
  const topics = coveredTopics(active);
  if (!topic) {
    return fitToLimits({
      embeds: [
        {
          color: COLOURS.info,
          title: "Topics",
          description: "Browse one with `/trade topics topic:<name>`, or just ask with `/trade ask`.",
          fields: topics.slice(0, LIMITS.embedFields).map((name) => {
            const facts = active.filter((fact) => fact.topic === name);
            return { name: `${name} (${facts.length})`, value: facts.slice(0, 3).map((fact) => `• ${escapeMarkdown(truncate(fact.statement, 120))}`).join("\n") };
          }),
          footer: { text: FOOTER },
        },
      ],
    });
  }
  const match = topics.find((name) => name.toLowerCase() === topic.trim().toLowerCase());
  if (!match) {
    return { content: `There is no topic called “${escapeMarkdown(truncate(topic, 100))}”. Topics: ${topics.join(", ")}.` };
  }
  const lines = active.filter((fact) => fact.topic === match).map((fact) => `• ${escapeMarkdown(fact.statement)} (\`${fact.id}\`)`);
  return fitToLimits({ embeds: [{ color: COLOURS.info, title: match, description: lines.join("\n"), footer: { text: "Show one with /trade fact id:<id>" } }] });
}

/** Each source with what is known of it and how many facts it backs; one line each when there are many. */
export function renderSources(catalogue: Catalogue): MessagePayload {
  const backedBy = (source: Source) => catalogue.facts.filter((fact) => fact.sourceId === source.id && fact.status === "active").length;
  if (catalogue.sources.length > 3) {
    const lines = catalogue.sources.map((source) => {
      const title = escapeMarkdown(truncate(source.title, 120));
      return `• ${source.url ? `[${title}](${source.url})` : title} — ${source.publisher ? `${escapeMarkdown(source.publisher)}, ` : ""}${describeSourceDate(source)}; ${backedBy(source)} facts (\`${source.id}\`)`;
    });
    return fitToLimits({ embeds: [{ color: COLOURS.info, title: `Sources (${catalogue.sources.length})`, description: lines.join("\n"), footer: { text: FOOTER } }] });
  }
  return fitToLimits({
    embeds: catalogue.sources.map((source) => {
      const backed = backedBy(source);
      return {
        color: COLOURS.info,
        title: escapeMarkdown(source.title),
        ...(source.url ? { url: source.url } : {}),
        fields: [
          { name: "Publisher", value: source.publisher ? escapeMarkdown(source.publisher) : "unknown", inline: true },
          { name: "Date", value: source.date ? escapeMarkdown(source.date) : "unknown", inline: true },
          { name: "Facts", value: String(backed), inline: true },
          ...(source.dateNote ? [{ name: "Note", value: escapeMarkdown(source.dateNote) }] : []),
          { name: "Link", value: source.url ?? "unknown" },
        ],
        footer: { text: `source id: ${source.id}` },
      };
    }),
  });
}

/** What the bot knows and how to ask it. */
export function renderHelp(catalogue: Catalogue): MessagePayload {
  const active = catalogue.facts.filter((fact) => fact.status === "active");
  return fitToLimits({
    embeds: [
      {
        color: COLOURS.info,
        title: "Trade facts: how to ask",
        description: [
          `I answer questions about China–Russia trade from ${active.length} curated facts, each quoted word for word from its source. When I have no sourced answer, I say so instead of guessing.`,
          "",
          `**Topics:** ${coveredTopics(active).join(", ")}.`,
        ].join("\n"),
        fields: [
          { name: "/trade ask question:<text> [private:true]", value: "Ask in your own words; typos are fine. `private:true` shows the answer only to you." },
          { name: "/trade fact id:<id>", value: "Show one fact by its id (start typing to search)." },
          { name: "/trade topics [topic]", value: "Browse the facts by topic." },
          { name: "/trade sources", value: "The articles the facts come from." },
          { name: "Apps → Ask trade bot", value: "Right-click (or long-press) a message to answer its question." },
        ],
        footer: { text: FOOTER },
      },
    ],
  });
}

/** A short message to the user (errors, refusals, cooldowns): plain text, no embeds. */
export function renderNotice(text: string): MessagePayload {
  return { content: truncate(text, LIMITS.content) };
}

