import { PermissionFlagsBits, type ButtonInteraction } from "discord.js";
import type { BotContext, Outcome } from "../discord/command-contract.js";
import { memberRoleIds } from "../discord/moderation-access.js";
import { postInChannel, respond } from "../discord/reply.js";
import { QA_ASK_HUMAN, QA_REMOVE, QA_SOLVED, renderNotice } from "../discord/render.js";

/** The buttons under an answer posted unasked: ask a human, remove the answer, mark the forum post solved. */
export async function handleQaButton(interaction: ButtonInteraction, context: BotContext): Promise<Outcome> {
  const answer = context.store.qa.autoAnswer(interaction.message.id);
  if (!answer) {
    await respond(interaction, renderNotice("I no longer know this answer's question; nothing changed."), { ephemeral: true });
    return "refused";
  }
  const actor = `${interaction.user.username} (${interaction.user.id})`;
  const mayManage =
    interaction.user.id === answer.askerId ||
    (interaction.memberPermissions?.has(PermissionFlagsBits.ManageMessages) ?? false) ||
    memberRoleIds(interaction.member).some((role) => context.moderation.modRoleIds.includes(role));

  if (interaction.customId === QA_ASK_HUMAN) {
    const role = context.qa.helperRoleId;
    const channel = interaction.channel;
    if (!role || !channel?.isSendable()) {
      await respond(interaction, renderNotice("No helpers are set up to be asked here."), { ephemeral: true });
      return "refused";
    }
    if (!context.store.qa.markHumanAsked(answer.replyId)) {
      await respond(interaction, renderNotice("Someone already asked the helpers about this question."), { ephemeral: true });
      return "refused";
    }
    const link = `https://discord.com/channels/${interaction.guildId ?? "@me"}/${interaction.channelId}/${answer.questionId}`;
    await postInChannel(channel, { content: `<@&${role}> this question needs a human: ${link}` }, { pingRoles: [role] });
    await respond(interaction, renderNotice("I asked the helpers; someone will be along."), { ephemeral: true });
    return "answered";
  }

  if (!mayManage) {
    const what = interaction.customId === QA_SOLVED ? "mark this post solved" : "remove this answer";
    await respond(interaction, renderNotice(`Only the person who asked, or a moderator, can ${what}.`), { ephemeral: true });
    return "refused";
  }

  if (interaction.customId === QA_REMOVE) {
    await interaction.message.delete();
    if (context.store.qa.markRemoved(answer.replyId, actor) && answer.factId) context.store.feedback.vote(answer.factId, interaction.user.id, false);
    await respond(interaction, renderNotice("Removed. The moderators will see it was not helpful."), { ephemeral: true });
    return "answered";
  }

  if (interaction.customId === QA_SOLVED) return markSolved(interaction, context);
  throw new Error(`unknown Q&A button ${interaction.customId}`);
}

/** Applies the forum's solved tag to the post: never on an archived post (unarchiving would notify everyone). */
async function markSolved(interaction: ButtonInteraction, context: BotContext): Promise<Outcome> {
  const thread = interaction.channel;
  const forum = thread?.isThread() ? thread.parent : null;
  const refuse = async (text: string): Promise<Outcome> => {
    await respond(interaction, renderNotice(text), { ephemeral: true });
    return "refused";
  };
  if (!thread?.isThread() || !forum || !("availableTags" in forum)) return refuse("Only a forum post can be marked solved.");
  if (thread.archived) return refuse("This post is archived; I leave archived posts as they are.");
  const wanted = context.qa.solvedTag.toLowerCase();
  const tag = forum.availableTags.find((candidate) => candidate.name.toLowerCase() === wanted);
  if (!tag) return refuse(`This forum has no “${context.qa.solvedTag}” tag; a moderator can add one.`);
  if (thread.appliedTags.includes(tag.id)) return refuse("This post is already marked solved.");
  if (thread.appliedTags.length >= 5) return refuse("This post already has the most tags Discord allows (5).");
  try {
    await thread.setAppliedTags([...thread.appliedTags, tag.id], `marked solved by ${interaction.user.id}`);
  } catch (error) {
    if ((error as { status?: number }).status !== 403) throw error;
    return refuse("I may not tag posts in this forum: a server admin can give me Manage Threads.");
  }
  await respond(interaction, renderNotice(`Marked solved (tag “${tag.name}”).`), { ephemeral: true });
  return "answered";
}
