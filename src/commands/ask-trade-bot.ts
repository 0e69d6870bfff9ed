import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  ContextMenuCommandBuilder,
  InteractionContextType,
  messageLink,
  type MessageContextMenuCommandInteraction,
} from "discord.js";
import { respond } from "../discord/reply.js";
import { renderNotice } from "../discord/render.js";
import { memberLocale } from "../i18n/locale.js";
import { stringsFor } from "../i18n/strings.js";
import { askQuestion } from "./ask-flow.js";
import type { BotContext, CommandModule, Outcome } from "../discord/command-contract.js";

const definition = new ContextMenuCommandBuilder()
  .setName("Ask trade bot")
  .setType(ApplicationCommandType.Message)
  .setIntegrationTypes(ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall)
  .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel);

/** Answers the text of the message it is used on, publicly, with a link back to that message. */
async function execute(interaction: MessageContextMenuCommandInteraction, context: BotContext): Promise<Outcome> {
  const target = interaction.targetMessage;
  if (!target.content.trim()) {
    await respond(interaction, renderNotice(stringsFor(memberLocale(interaction)).messageHasNoText), { ephemeral: true });
    return "refused";
  }
  const { payload, locale, outcome, ephemeral, record } = await askQuestion(context, { id: interaction.user.id, locale: interaction.locale }, target.content);
  const link = interaction.guildId ? messageLink(target.channelId, target.id, interaction.guildId) : messageLink(target.channelId, target.id);
  const pointer = stringsFor(locale).answeringMessage(link, `<@${target.author.id}>`);
  await respond(interaction, ephemeral ? payload : { ...payload, content: pointer }, { ephemeral });
  record();
  return outcome;
}

export const askTradeBotCommand: CommandModule = {
  definition: definition.toJSON(),
  execute: (interaction, context) => {
    if (!interaction.isMessageContextMenuCommand()) throw new Error("Ask trade bot is a message command");
    return execute(interaction, context);
  },
};
