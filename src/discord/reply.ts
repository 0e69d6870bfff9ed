import { AttachmentBuilder, MessageFlags, type Message, type RepliableInteraction, type SendableChannels } from "discord.js";
import { fitToLimits, limitViolations, type MessagePayload } from "./limits.js";

export interface ReplyOptions {
  /** Only the user who acted sees it. */
  ephemeral?: boolean;
  /** Replace the message the component (or the component that opened the form) sits on instead of sending a new one. */
  update?: boolean;
}

export class MessageLimitError extends Error {
  constructor(readonly problems: string[]) {
    super(`reply breaks Discord's limits: ${problems.join("; ")}`);
  }
}

function checkedBody(payload: MessagePayload) {
  const fitted = fitToLimits(payload);
  const problems = limitViolations(fitted);
  if (problems.length > 0) throw new MessageLimitError(problems);
  const files = (fitted.files ?? []).map((file) => new AttachmentBuilder(Buffer.from(file.content), { name: file.name }));
  return { content: fitted.content, embeds: fitted.embeds ?? [], components: fitted.components ?? [], files };
}

/**
 * The one way the bot posts in a channel unasked (an answer to a mention, a forum post or a channel question):
 * as a reply to `replyTo` when given, pinging nobody, the asker included; only `pingRoles` may be pinged, for
 * an explicit call for help. Cut to Discord's limits and checked before sending. A reply to a message deleted
 * meanwhile fails (nothing is posted) rather than answering nothing.
 */
export async function postInChannel(
  channel: SendableChannels,
  payload: MessagePayload,
  { replyTo, pingRoles = [] }: { replyTo?: string; pingRoles?: readonly string[] } = {},
): Promise<Message> {
  return channel.send({
    ...checkedBody(payload),
    allowedMentions: { parse: [], repliedUser: false, roles: [...pingRoles] },
    ...(replyTo ? { reply: { messageReference: replyTo, failIfNotExists: true } } : {}),
  });
}

/**
 * The one way the bot answers an interaction: never pings anyone (`allowedMentions: { parse: [] }`),
 * cut to Discord's limits and checked before sending, replying, editing a deferred reply or following up.
 */
export async function respond(interaction: RepliableInteraction, payload: MessagePayload, options: ReplyOptions = {}): Promise<void> {
  const body = { ...checkedBody(payload), allowedMentions: { parse: [] } };
  const flags = options.ephemeral ? MessageFlags.Ephemeral : undefined;
  const fresh = !interaction.replied && !interaction.deferred;
  if (options.update && fresh && interaction.isMessageComponent()) {
    await interaction.update(body);
  } else if (options.update && fresh && interaction.isModalSubmit() && interaction.isFromMessage()) {
    await interaction.update(body);
  } else if (interaction.deferred && !interaction.replied) {
    await interaction.editReply(body);
  } else if (interaction.replied) {
    await interaction.followUp({ ...body, flags });
  } else {
    await interaction.reply({ ...body, flags });
  }
}
