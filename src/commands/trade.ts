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
import { LIMITS } from "../discord/limits.js";
import { respond } from "../discord/reply.js";
import { PICK_FACT_ID, QA_ASK_HUMAN, QA_REMOVE, QA_SOLVED, renderFact, renderHelp, renderNotice, renderSources, renderTopics, VOTE_HELPFUL, VOTE_NOT_HELPFUL, withFeedbackButtons } from "../discord/render.js";
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
  switch (interaction.options.getSubcommand()) {
    case "ask": {
      const { payload, outcome, ephemeral, record } = await askQuestion(context, interaction.user.id, interaction.options.getString("question", true));
      await respond(interaction, payload, { ephemeral: ephemeral || (interaction.options.getBoolean("private") ?? false) });
      record();
      return outcome;
    }
    case "fact": {
      const id = interaction.options.getString("id", true).trim();
      const fact = engine.base.facts.find((candidate) => candidate.id === id);
      if (fact) {
        await respond(interaction, renderFact(fact, engine.base));
        return "answered";
      }
      const near = engine.suggest(id).slice(0, 3).map((suggestion) => `\`${suggestion.value}\``);
      await respond(interaction, renderNotice(`There is no fact \`${truncate(id.replace(/`/g, "'"), 100)}\`.${near.length ? ` Did you mean ${near.join(", ")}?` : ""}`), { ephemeral: true });
      return "refused";
    }
    case "topics": {
      const payload = renderTopics(engine.base, interaction.options.getString("topic") ?? undefined);
      await respond(interaction, payload, { ephemeral: payload.embeds === undefined });
      return payload.embeds === undefined ? "refused" : "answered";
    }
    case "sources":
      await respond(interaction, renderSources(engine.base));
      return "answered";
    case "help":
      await respond(interaction, renderHelp(engine.base), { ephemeral: true });
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
  await interaction.respond(engine.suggest(focused.value));
}

/** A vote on an answer: one per user per fact; voting again replaces it. */
async function vote(interaction: ButtonInteraction, context: BotContext): Promise<Outcome> {
  const helpful = interaction.customId.startsWith(VOTE_HELPFUL);
  const factId = interaction.customId.slice((helpful ? VOTE_HELPFUL : VOTE_NOT_HELPFUL).length);
  if (!context.store.fact(factId)) {
    await respond(interaction, renderNotice("That fact no longer exists."), { ephemeral: true });
    return "refused";
  }
  const result = context.store.feedback.vote(factId, interaction.user.id, helpful);
  if (result === "recorded") context.store.qa.countVote(interaction.message.id, helpful);
  const said = helpful ? "helpful" : "not helpful";
  const message = { recorded: `Thanks: you marked this answer ${said}.`, changed: `Changed your vote: ${said}.`, unchanged: `You already marked this answer ${said}.` }[result];
  await respond(interaction, renderNotice(message), { ephemeral: true });
  return "answered";
}

/** A pick from the "did you mean" menu: the asker's message becomes the answer; anyone else sees it privately. */
async function handleComponent(interaction: MessageComponentInteraction, context: BotContext): Promise<Outcome> {
  if (interaction.isButton() && (interaction.customId.startsWith(VOTE_HELPFUL) || interaction.customId.startsWith(VOTE_NOT_HELPFUL))) return vote(interaction, context);
  if (interaction.isButton() && QA_BUTTONS.has(interaction.customId)) return handleQaButton(interaction, context);
  if (!interaction.isStringSelectMenu() || interaction.customId !== PICK_FACT_ID) throw new Error(`unknown component ${interaction.customId}`);
  const engine = context.engine();
  const fact = engine.base.facts.find((candidate) => candidate.id === interaction.values[0] && candidate.status === "active");
  if (!fact) {
    await respond(interaction, renderNotice("That fact is no longer available. Try asking again."), { ephemeral: true });
    return "refused";
  }
  const isAsker = interaction.message.interactionMetadata?.user.id === interaction.user.id;
  await respond(interaction, withFeedbackButtons(renderFact(fact, engine.base), fact.id), isAsker ? { update: true } : { ephemeral: true });
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
