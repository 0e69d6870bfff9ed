import { AttachmentBuilder, MessageFlags, type RepliableInteraction } from "discord.js";
import { fitToLimits, limitViolations, type MessagePayload } from "./limits.js";

export interface ReplyOptions {
  /** Only the user who acted sees it. */
  ephemeral?: boolean;
  /** Replace the message the component sits on instead of sending a new one. */
  update?: boolean;
}

export class MessageLimitError extends Error {
  constructor(readonly problems: string[]) {
    super(`reply breaks Discord's limits: ${problems.join("; ")}`);
  }
}

/**
 * The one way the bot answers an interaction: never pings anyone (`allowedMentions: { parse: [] }`),
 * cut to Discord's limits and checked before sending, replying, editing a deferred reply or following up.
 */
export async function respond(interaction: RepliableInteraction, payload: MessagePayload, options: ReplyOptions = {}): Promise<void> {
  const fitted = fitToLimits(payload);
  const problems = limitViolations(fitted);
  if (problems.length > 0) throw new MessageLimitError(problems);
  const files = (fitted.files ?? []).map((file) => new AttachmentBuilder(Buffer.from(file.content), { name: file.name }));
  const body = { content: fitted.content, embeds: fitted.embeds ?? [], components: fitted.components ?? [], files, allowedMentions: { parse: [] } };
  const flags = options.ephemeral ? MessageFlags.Ephemeral : undefined;
  if (options.update && interaction.isMessageComponent() && !interaction.replied && !interaction.deferred) {
    await interaction.update(body);
  } else if (interaction.deferred && !interaction.replied) {
    await interaction.editReply(body);
  } else if (interaction.replied) {
    await interaction.followUp({ ...body, flags });
  } else {
    await interaction.reply({ ...body, flags });
  }
}
