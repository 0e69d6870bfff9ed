import { LabelBuilder, ModalBuilder, TextInputBuilder, TextInputStyle, type ButtonInteraction, type ChatInputCommandInteraction, type ModalSubmitInteraction } from "discord.js";
import { FACT_FORM, factFormValues, factModal, parseFactForm, type FactFormValues } from "../discord/fact-form.js";
import { readInput, readModal } from "../discord/modal-values.js";
import { problemsLine } from "../knowledge/validate.js";
import { respond } from "../discord/reply.js";
import { renderNotice } from "../discord/render.js";
import { formProblems, renderDraftProblems, renderProposal, renderReviewDone, REVIEW_BUTTON, REVIEW_EDIT_MODAL, REVIEW_REJECT_MODAL } from "../discord/render-admin.js";
import { UNNAMED_ATTRIBUTION, type ProposalError, type StoredProposal } from "../knowledge/store/proposal-store.js";
import { truncate } from "../truncate.js";
import type { BotContext, Outcome } from "../discord/command-contract.js";

/** Which proposals the review walks through: those of the proposal's own source, or every source's. */
export type ReviewScope = "source" | "all";

/** A draft handed back when the Edit form failed its checks, and how to reopen it. */
export type SaveDraft = (draft: { proposalId: number; scope: ReviewScope; values: FactFormValues }) => string;

/** `/trade-admin review [source]`: the first pending proposal, privately, with Accept, Edit, Reject and Next. */
export async function startReview(interaction: ChatInputCommandInteraction, context: BotContext): Promise<Outcome> {
  const sourceId = interaction.options.getString("source")?.trim() || undefined;
  if (sourceId && !context.store.sources().some((source) => source.id === sourceId)) {
    await respond(interaction, renderNotice(`There is no source \`${truncate(sourceId.replace(/`/g, "'"), 80)}\`.`), { ephemeral: true });
    return "refused";
  }
  const left = context.store.proposals.list(sourceId);
  await respond(interaction, show(context, left, left[0], sourceId ? "source" : "all", sourceId), { ephemeral: true });
  return left[0] ? "answered" : "abstained";
}

/** The review message's buttons. Undefined for buttons that are not the review's. */
export async function reviewButton(interaction: ButtonInteraction, context: BotContext, actor: string): Promise<Outcome | undefined> {
  if (!interaction.customId.startsWith(REVIEW_BUTTON)) return undefined;
  const [action, rawId, rawScope] = interaction.customId.slice(REVIEW_BUTTON.length).split(":");
  const id = Number(rawId);
  const scope: ReviewScope = rawScope === "source" ? "source" : "all";
  const { proposals } = context.store;
  const proposal = proposals.get(id);
  if (!proposal) throw new Error(`no proposal ${rawId}`);
  if (action === "next") {
    await respond(interaction, showFollowing(context, proposal, scope), { update: true });
    return "answered";
  }
  if (proposal.status !== "pending") return moveOn(interaction, context, proposal, scope, alreadyDecided(proposal));
  if (action === "accept") {
    const result = proposals.accept(id, actor);
    if (!result.ok) return refuseDecision(interaction, context, proposal, scope, result.error);
    context.syncEngine();
    return moveOn(interaction, context, proposal, scope, `Accepted proposal ${id}: \`${result.value.fact.id}\` answers questions from now on.`);
  }
  if (action === "edit") {
    const values = factFormValues({ ...proposal, attribution: proposal.attribution ?? UNNAMED_ATTRIBUTION, aliases: [] });
    const tooLong = (Object.keys(FACT_FORM) as (keyof typeof FACT_FORM)[]).filter((input) => values[input].length > FACT_FORM[input].max);
    if (tooLong.length > 0) {
      await respond(interaction, renderNotice(`Proposal ${id} is too long for the form (${tooLong.map((input) => FACT_FORM[input].label).join(", ")}); accept it and edit the fact through export and import.`), { ephemeral: true });
      return "refused";
    }
    await interaction.showModal(editModal(id, scope, values));
    return "answered";
  }
  if (action === "reject") {
    const reason = new TextInputBuilder().setCustomId("reason").setStyle(TextInputStyle.Paragraph).setMaxLength(300).setRequired(false);
    const modal = new ModalBuilder()
      .setCustomId(`${REVIEW_REJECT_MODAL}${id}:${scope}`)
      .setTitle(`Reject proposal ${id}`)
      .addLabelComponents(new LabelBuilder().setLabel("Why (optional)").setTextInputComponent(reason));
    await interaction.showModal(modal.toJSON());
    return "answered";
  }
  throw new Error(`unknown review action ${action}`);
}

/** The Edit form (saving accepts) and the Reject form. Undefined for other forms. */
export async function reviewModal(interaction: ModalSubmitInteraction, context: BotContext, actor: string, saveDraft: SaveDraft): Promise<Outcome | undefined> {
  const { customId } = interaction;
  const prefix = [REVIEW_EDIT_MODAL, REVIEW_REJECT_MODAL].find((candidate) => customId.startsWith(candidate));
  if (!prefix) return undefined;
  const [rawId, rawScope] = customId.slice(prefix.length).split(":");
  const id = Number(rawId);
  const scope: ReviewScope = rawScope === "source" ? "source" : "all";
  const { proposals } = context.store;
  const proposal = proposals.get(id);
  if (!proposal) throw new Error(`no proposal ${rawId}`);
  if (proposal.status !== "pending") return moveOn(interaction, context, proposal, scope, alreadyDecided(proposal));
  if (prefix === REVIEW_REJECT_MODAL) {
    const reason = readInput(interaction, "reason").trim() || null;
    const result = proposals.reject(id, actor, reason);
    if (!result.ok) return refuseDecision(interaction, context, proposal, scope, result.error);
    return moveOn(interaction, context, proposal, scope, `Rejected proposal ${id}${reason ? ` (${reason})` : ""}.`);
  }
  const values = readModal(interaction, FACT_FORM);
  const { draft, problems } = parseFactForm(values);
  const handBack = async (found: { input: string; reason: string }[]): Promise<Outcome> => {
    await respond(interaction, renderDraftProblems(found, values, saveDraft({ proposalId: id, scope, values })), { ephemeral: true });
    return "refused";
  };
  if (!draft) return handBack(problems);
  if (draft.sourceId !== proposal.sourceId) return handBack([{ input: FACT_FORM.source.label, reason: `sourceId: a proposal's fact quotes its own source, ${proposal.sourceId}` }]);
  const { statement, quote, attribution, topic, keywords, aliases } = draft;
  const result = proposals.accept(id, actor, { statement, quote, attribution, topic, keywords, aliases });
  if (!result.ok) {
    if (result.error.kind === "invalid") return handBack(formProblems(result.error.problems));
    return refuseDecision(interaction, context, proposal, scope, result.error);
  }
  context.syncEngine();
  return moveOn(interaction, context, proposal, scope, `Accepted proposal ${id} with your edits: \`${result.value.fact.id}\` answers questions from now on.`);
}

/** The Edit form of a proposal, filled in with `values`. */
export function editModal(id: number, scope: ReviewScope, values: FactFormValues) {
  return factModal(`${REVIEW_EDIT_MODAL}${id}:${scope}`, `Accept proposal ${id}`, values);
}

/** Replaces the review message with what happened and the next proposal to review. */
async function moveOn(interaction: ButtonInteraction | ModalSubmitInteraction, context: BotContext, from: StoredProposal, scope: ReviewScope, notice: string): Promise<Outcome> {
  await respond(interaction, showFollowing(context, from, scope, notice), { update: true });
  return "answered";
}

/** A decision the store refused: decided meanwhile or already stated by a fact (move on), or a fact it would not take (said privately). */
async function refuseDecision(interaction: ButtonInteraction | ModalSubmitInteraction, context: BotContext, proposal: StoredProposal, scope: ReviewScope, error: ProposalError): Promise<Outcome> {
  if (error.kind === "already-decided") {
    await moveOn(interaction, context, proposal, scope, alreadyDecided(error.proposal));
    return "refused";
  }
  if (error.kind === "covered") {
    await moveOn(interaction, context, proposal, scope, `Proposal ${proposal.id} was not accepted: fact \`${error.factId}\` already states it.`);
    return "refused";
  }
  const why = error.kind === "invalid" ? problemsLine(error.problems) : error.kind;
  await respond(interaction, renderNotice(`Not accepted: ${why}. Use Edit to fix it.`), { ephemeral: true });
  return "refused";
}

function alreadyDecided(proposal: StoredProposal): string {
  const when = proposal.decidedAt ? ` at ${proposal.decidedAt.slice(0, 16).replace("T", " ")}` : "";
  return `Proposal ${proposal.id} was already ${proposal.status} by ${proposal.decidedBy ?? "someone"}${when}.`;
}

/** `proposal` for review, with how many are `left` in the review's scope; or that none is left. */
function show(context: BotContext, left: readonly StoredProposal[], proposal: StoredProposal | undefined, scope: ReviewScope, sourceId: string | undefined, notice?: string) {
  if (!proposal) return renderReviewDone(notice, scope === "source" ? sourceId : undefined);
  const source = context.store.sources().find((candidate) => candidate.id === proposal.sourceId);
  return renderProposal(proposal, source, { remaining: left.length, scope, ...(notice ? { notice } : {}) });
}

/**
 * The review showing the proposal after `from` in its order (by source, then as the proposer ranked them), wrapping
 * around; after a decision `from` has left the list, so the one now in its place comes next. The list is read once.
 */
function showFollowing(context: BotContext, from: StoredProposal, scope: ReviewScope, notice?: string) {
  const left = context.store.proposals.list(scope === "source" ? from.sourceId : undefined);
  const next = left.find((candidate) => candidate.sourceId > from.sourceId || (candidate.sourceId === from.sourceId && candidate.id > from.id)) ?? left[0];
  return show(context, left, next, scope, from.sourceId, notice);
}
