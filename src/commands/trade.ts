import {
  ApplicationIntegrationType,
  InteractionContextType,
  SlashCommandBuilder,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type MessageComponentInteraction,
} from "discord.js";
import { coveredTopics } from "../knowledge/answer-view.js";
import { factChoiceValue, readFactChoice } from "../discord/fact-choice.js";
import { LIMITS } from "../discord/limits.js";
import { respond } from "../discord/reply.js";
import { PICK_FACT_ID, QA_ASK_HUMAN, QA_REMOVE, QA_SOLVED, renderFact, renderHelp, renderNotice, renderSources, renderTopics, VOTE_HELPFUL, VOTE_NOT_HELPFUL, withFeedbackButtons } from "../discord/render.js";
import { isReplyLocale, memberLocale, replyLocale } from "../i18n/locale.js";
import { statementIn } from "../i18n/fact-text.js";
import { stringsFor } from "../i18n/strings.js";
import { languageOf } from "../knowledge/question.js";
import { truncate } from "../truncate.js";
import { askQuestion } from "./ask-flow.js";
import { handleQaButton } from "./qa-buttons.js";

const QA_BUTTONS: ReadonlySet<string> = new Set([QA_ASK_HUMAN, QA_REMOVE, QA_SOLVED]);
import type { BotContext, CommandModule, Outcome } from "../discord/command-contract.js";

export const QUESTION_MAX_LENGTH = 300;

const definition = new SlashCommandBuilder()
  .setName("trade")
  .setDescription("Sourced answers about China–Russia trade")
  .setIntegrationTypes(ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall)
  .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel)
  .addSubcommand((ask) =>
    ask
      .setName("ask")
      .setDescription("Ask a question in your own words; get the sourced answer")
      .addStringOption((question) =>
        question.setName("question").setDescription("Your question").setRequired(true).setAutocomplete(true).setMaxLength(QUESTION_MAX_LENGTH),
      )
      .addBooleanOption((onlyMe) => onlyMe.setName("private").setDescription("Show the answer only to you")),
  )
  .addSubcommand((fact) =>
    fact
      .setName("fact")
      .setDescription("Show one fact by its id")
      .addStringOption((id) => id.setName("id").setDescription("Start typing to search").setRequired(true).setAutocomplete(true).setMaxLength(100)),
  )
  .addSubcommand((topics) =>
    topics
      .setName("topics")
      .setDescription("Browse the facts by topic")
      .addStringOption((topic) => topic.setName("topic").setDescription("One topic to list").setAutocomplete(true).setMaxLength(100)),
  )
  .addSubcommand((sources) => sources.setName("sources").setDescription("The articles the facts come from"))
  .addSubcommand((help) => help.setName("help").setDescription("What the bot knows and how to ask"));

async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<Outcome> {
  const engine = context.engine();
  const locale = memberLocale(interaction);
  const s = stringsFor(locale);
  switch (interaction.options.getSubcommand()) {
    case "ask": {
      const asker = { id: interaction.user.id, locale: interaction.locale };
      const { payload, outcome, ephemeral, record } = await askQuestion(context, asker, interaction.options.getString("question", true));
      await respond(interaction, payload, { ephemeral: ephemeral || (interaction.options.getBoolean("private") ?? false) });
      record();
      return outcome;
    }
    case "fact": {
      const { id, locale: offeredIn } = readFactChoice(interaction.options.getString("id", true));
      const fact = engine.base.facts.find((candidate) => candidate.id === id);
      if (fact) {
        await respond(interaction, renderFact(fact, engine.base, offeredIn ?? locale));
        return "answered";
      }
      const near = engine.suggest(id).slice(0, 3).map((suggestion) => `\`${suggestion.value}\``);
      const notice = [s.noSuchFact(truncate(id.replace(/`/g, "'"), 100)), ...(near.length ? [s.didYouMeanIds(near.join(", "))] : [])].join(" ");
      await respond(interaction, renderNotice(notice), { ephemeral: true });
      return "refused";
    }
    case "topics": {
      const payload = renderTopics(engine.base, interaction.options.getString("topic") ?? undefined, locale);
      await respond(interaction, payload, { ephemeral: payload.embeds === undefined });
      return payload.embeds === undefined ? "refused" : "answered";
    }
    case "sources":
      await respond(interaction, renderSources(engine.base, locale));
      return "answered";
    case "help":
      await respond(interaction, renderHelp(engine.base, locale), { ephemeral: true });
      return "answered";
    default:
      throw new Error(`unknown subcommand ${interaction.options.getSubcommand()}`);
  }
}

async function autocomplete(interaction: AutocompleteInteraction, context: BotContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const engine = context.engine();
  if (focused.name === "topic") {
    const typed = focused.value.trim().toLowerCase();
    const topics = coveredTopics(engine.base.facts)
      .filter((topic) => topic.toLowerCase().includes(typed))
      .sort((a, b) => Number(b.toLowerCase().startsWith(typed)) - Number(a.toLowerCase().startsWith(typed)));
    await interaction.respond(topics.slice(0, LIMITS.autocompleteChoices).map((topic) => ({ name: truncate(topic, LIMITS.choiceName), value: truncate(topic, 100) })));
    return;
  }
  const locale = replyLocale(languageOf(focused.value), interaction.locale);
  const suggestions = engine.suggest(focused.value, (fact) => statementIn(fact, locale));
  await interaction.respond(suggestions.map(({ name, value }) => ({ name, value: factChoiceValue(value, locale, memberLocale(interaction)) })));
}

/** A vote on an answer: one per user per fact; voting again replaces it. */
async function vote(interaction: ButtonInteraction, context: BotContext): Promise<Outcome> {
  const helpful = interaction.customId.startsWith(VOTE_HELPFUL);
  const factId = interaction.customId.slice((helpful ? VOTE_HELPFUL : VOTE_NOT_HELPFUL).length);
  const s = stringsFor(memberLocale(interaction));
  if (!context.store.fact(factId)) {
    await respond(interaction, renderNotice(s.factGone), { ephemeral: true });
    return "refused";
  }
  const result = context.store.feedback.vote(factId, interaction.user.id, helpful);
  if (result === "recorded") context.store.qa.countVote(interaction.message.id, helpful);
  const message = helpful
    ? { recorded: s.votedHelpful, changed: s.voteChangedHelpful, unchanged: s.voteSameHelpful }[result]
    : { recorded: s.votedNotHelpful, changed: s.voteChangedNotHelpful, unchanged: s.voteSameNotHelpful }[result];
  await respond(interaction, renderNotice(message), { ephemeral: true });
  return "answered";
}

/**
 * A pick from the "did you mean" menu: the asker's message becomes the answer, in the menu's language; anyone else
 * sees it privately, in theirs.
 */
async function handleComponent(interaction: MessageComponentInteraction, context: BotContext): Promise<Outcome> {
  if (interaction.isButton() && (interaction.customId.startsWith(VOTE_HELPFUL) || interaction.customId.startsWith(VOTE_NOT_HELPFUL))) return vote(interaction, context);
  if (interaction.isButton() && QA_BUTTONS.has(interaction.customId)) return handleQaButton(interaction, context);
  if (!interaction.isStringSelectMenu() || !interaction.customId.startsWith(PICK_FACT_ID)) throw new Error(`unknown component ${interaction.customId}`);
  const engine = context.engine();
  const fact = engine.base.facts.find((candidate) => candidate.id === interaction.values[0] && candidate.status === "active");
  const isAsker = interaction.message.interactionMetadata?.user.id === interaction.user.id;
  const menuLocale = interaction.customId.slice(PICK_FACT_ID.length);
  const locale = isAsker && isReplyLocale(menuLocale) ? menuLocale : memberLocale(interaction);
  if (!fact) {
    await respond(interaction, renderNotice(stringsFor(locale).factUnavailable), { ephemeral: true });
    return "refused";
  }
  await respond(interaction, withFeedbackButtons(renderFact(fact, engine.base, locale), fact.id, locale), isAsker ? { update: true } : { ephemeral: true });
  return "answered";
}

export const tradeCommand: CommandModule = {
  definition: definition.toJSON(),
  execute: (interaction, context) => {
    if (!interaction.isChatInputCommand()) throw new Error("/trade is a slash command");
    return execute(interaction, context);
  },
  autocomplete,
  componentPrefix: "trade:",
  handleComponent,
};
