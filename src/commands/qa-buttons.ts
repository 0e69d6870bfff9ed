import { PermissionFlagsBits, type ButtonInteraction } from "discord.js";
import type { BotContext, Outcome } from "../discord/command-contract.js";
import { memberRoleIds } from "../discord/moderation-access.js";
import { postInChannel, respond } from "../discord/reply.js";
import { QA_ASK_HUMAN, QA_REMOVE, QA_SOLVED, renderNotice } from "../discord/render.js";
import { localeFromDiscord, memberLocale } from "../i18n/locale.js";
import { stringsFor, type Strings } from "../i18n/strings.js";

/**
 * The buttons under an answer posted unasked: ask a human, remove the answer, mark the forum post solved. Whoever
 * clicks is told what happened in their Discord language; the call for helpers is in the server's.
 */
export async function handleQaButton(interaction: ButtonInteraction, context: BotContext): Promise<Outcome> {
  const s = stringsFor(memberLocale(interaction));
  const answer = context.store.qa.autoAnswer(interaction.message.id);
  if (!answer) {
    await respond(interaction, renderNotice(s.qaQuestionForgotten), { ephemeral: true });
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
      await respond(interaction, renderNotice(s.qaNoHelpers), { ephemeral: true });
      return "refused";
    }
    if (!context.store.qa.markHumanAsked(answer.replyId)) {
      await respond(interaction, renderNotice(s.qaHelpersAlreadyAsked), { ephemeral: true });
      return "refused";
    }
    const link = `https://discord.com/channels/${interaction.guildId ?? "@me"}/${interaction.channelId}/${answer.questionId}`;
    const call = stringsFor(localeFromDiscord(interaction.guildLocale) ?? "en").qaHelpersCall(`<@&${role}>`, link);
    await postInChannel(channel, { content: call }, { pingRoles: [role] });
    await respond(interaction, renderNotice(s.qaHelpersAsked), { ephemeral: true });
    return "answered";
  }

  if (!mayManage) {
    await respond(interaction, renderNotice(interaction.customId === QA_SOLVED ? s.qaOnlyAskerMaySolve : s.qaOnlyAskerMayRemove), { ephemeral: true });
    return "refused";
  }

  if (interaction.customId === QA_REMOVE) {
    await interaction.message.delete();
    if (context.store.qa.markRemoved(answer.replyId, actor) && answer.factId) context.store.feedback.vote(answer.factId, interaction.user.id, false);
    await respond(interaction, renderNotice(s.qaRemoved), { ephemeral: true });
    return "answered";
  }

  if (interaction.customId === QA_SOLVED) return markSolved(interaction, context, s);
  throw new Error(`unknown Q&A button ${interaction.customId}`);
}

/** Applies the forum's solved tag to the post: never on an archived post (unarchiving would notify everyone). */
async function markSolved(interaction: ButtonInteraction, context: BotContext, s: Strings): Promise<Outcome> {
  const thread = interaction.channel;
  const forum = thread?.isThread() ? thread.parent : null;
  const refuse = async (text: string): Promise<Outcome> => {
    await respond(interaction, renderNotice(text), { ephemeral: true });
    return "refused";
  };
  if (!thread?.isThread() || !forum || !("availableTags" in forum)) return refuse(s.qaOnlyForumPost);
  if (thread.archived) return refuse(s.qaArchived);
  const wanted = context.qa.solvedTag.toLowerCase();
  const tag = forum.availableTags.find((candidate) => candidate.name.toLowerCase() === wanted);
  if (!tag) return refuse(s.qaNoSolvedTag(context.qa.solvedTag));
  if (thread.appliedTags.includes(tag.id)) return refuse(s.qaAlreadySolved);
  if (thread.appliedTags.length >= 5) return refuse(s.qaTooManyTags);
  try {
    await thread.setAppliedTags([...thread.appliedTags, tag.id], `marked solved by ${interaction.user.id}`);
  } catch (error) {
    if ((error as { status?: number }).status !== 403) throw error;
    return refuse(s.qaMayNotTag);
  }
  await respond(interaction, renderNotice(s.qaMarkedSolved(tag.name)), { ephemeral: true });
  return "answered";
}
