import { LabelBuilder, ModalBuilder, TextInputBuilder, TextInputStyle, type ButtonInteraction, type ChatInputCommandInteraction, type ModalSubmitInteraction } from "discord.js";
import { FACT_FORM, factFormValues, factModal, inputOf, inputsTooLong, parseFactForm, type FactFormValues } from "../discord/fact-form.js";
import { readInput, readModal } from "../discord/modal-values.js";
import { problemsLine } from "../knowledge/validate.js";
import { respond } from "../discord/reply.js";
import { renderNotice } from "../discord/render.js";
import { formProblems, renderDraftProblems, renderProposal, renderReviewDone, REVIEW_BUTTON, REVIEW_EDIT_MODAL, REVIEW_REJECT_MODAL } from "../discord/render-admin.js";
import { UNNAMED_ATTRIBUTION, type ProposalError, type StoredProposal } from "../knowledge/store/proposal-store.js";
import { memberLocale, type ReplyLocale } from "../i18n/locale.js";
import { stringsFor } from "../i18n/strings.js";
import { truncate } from "../truncate.js";
import type { BotContext, Outcome } from "../discord/command-contract.js";

/** Which proposals the review walks through: those of the proposal's own source, or every source's. */
export type ReviewScope = "source" | "all";

/** A draft handed back when the Edit form failed its checks, and how to reopen it. */
export type SaveDraft = (draft: { proposalId: number; scope: ReviewScope; values: FactFormValues }) => string;

/** `/trade-admin review [source]`: the first pending proposal, privately, with Accept, Edit, Reject and Next. */
export async function startReview(interaction: ChatInputCommandInteraction, context: BotContext): Promise<Outcome> {
  const locale = memberLocale(interaction);
  const sourceId = interaction.options.getString("source")?.trim() || undefined;
  if (sourceId && !context.store.sources().some((source) => source.id === sourceId)) {
    await respond(interaction, renderNotice(stringsFor(locale).noSuchSource(truncate(sourceId.replace(/`/g, "'"), 80))), { ephemeral: true });
    return "refused";
  }
  const left = context.store.proposals.list(sourceId);
  await respond(interaction, show(context, left, left[0], sourceId ? "source" : "all", sourceId, locale), { ephemeral: true });
  return left[0] ? "answered" : "abstained";
}

/** The review message's buttons. Undefined for buttons that are not the review's. */
export async function reviewButton(interaction: ButtonInteraction, context: BotContext, actor: string): Promise<Outcome | undefined> {
  if (!interaction.customId.startsWith(REVIEW_BUTTON)) return undefined;
  const [action, rawId, rawScope] = interaction.customId.slice(REVIEW_BUTTON.length).split(":");
  const id = Number(rawId);
  const scope: ReviewScope = rawScope === "source" ? "source" : "all";
  const locale = memberLocale(interaction);
  const s = stringsFor(locale);
  const { proposals } = context.store;
  const proposal = proposals.get(id);
  if (!proposal) throw new Error(`no proposal ${rawId}`);
  if (action === "next") {
    await respond(interaction, showFollowing(context, proposal, scope, locale), { update: true });
    return "answered";
  }
  if (proposal.status !== "pending") return moveOn(interaction, context, proposal, scope, alreadyDecided(proposal, locale));
  if (action === "accept") {
    const result = proposals.accept(id, actor);
    if (!result.ok) return refuseDecision(interaction, context, proposal, scope, result.error);
    context.syncEngine();
    return moveOn(interaction, context, proposal, scope, s.proposalAccepted(id, result.value.fact.id));
  }
  if (action === "edit") {
    const values = factFormValues({ ...proposal, attribution: proposal.attribution ?? UNNAMED_ATTRIBUTION, aliases: [] });
    const tooLong = inputsTooLong(values, locale);
    if (tooLong.length > 0) {
      await respond(interaction, renderNotice(s.proposalTooLong(id, tooLong.join(", "))), { ephemeral: true });
      return "refused";
    }
    await interaction.showModal(editModal(id, scope, values, locale));
    return "answered";
  }
  if (action === "reject") {
    const reason = new TextInputBuilder().setCustomId("reason").setStyle(TextInputStyle.Paragraph).setMaxLength(300).setRequired(false);
    const modal = new ModalBuilder()
      .setCustomId(`${REVIEW_REJECT_MODAL}${id}:${scope}`)
      .setTitle(s.rejectTitle(id))
      .addLabelComponents(new LabelBuilder().setLabel(s.rejectWhy).setTextInputComponent(reason));
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
  const locale = memberLocale(interaction);
  const s = stringsFor(locale);
  const { proposals } = context.store;
  const proposal = proposals.get(id);
  if (!proposal) throw new Error(`no proposal ${rawId}`);
  if (proposal.status !== "pending") return moveOn(interaction, context, proposal, scope, alreadyDecided(proposal, locale));
  if (prefix === REVIEW_REJECT_MODAL) {
    const reason = readInput(interaction, "reason").trim() || null;
    const result = proposals.reject(id, actor, reason);
    if (!result.ok) return refuseDecision(interaction, context, proposal, scope, result.error);
    return moveOn(interaction, context, proposal, scope, reason ? s.proposalRejectedBecause(id, reason) : s.proposalRejected(id));
  }
  const values = readModal(interaction, FACT_FORM);
  const { draft, problems } = parseFactForm(values, locale);
  const handBack = async (found: { input: string; reason: string }[]): Promise<Outcome> => {
    await respond(interaction, renderDraftProblems(found, { values, labels: s.factFormLabels }, saveDraft({ proposalId: id, scope, values }), locale), { ephemeral: true });
    return "refused";
  };
  if (!draft) return handBack(problems);
  if (draft.sourceId !== proposal.sourceId) return handBack([{ input: s.factFormLabels.source, reason: s.proposalOwnSource(proposal.sourceId) }]);
  const { statement, quote, attribution, topic, keywords, aliases } = draft;
  const result = proposals.accept(id, actor, { statement, quote, attribution, topic, keywords, aliases });
  if (!result.ok) {
    if (result.error.kind === "invalid") return handBack(formProblems(result.error.problems, (field) => inputOf(field, locale)));
    return refuseDecision(interaction, context, proposal, scope, result.error);
  }
  context.syncEngine();
  return moveOn(interaction, context, proposal, scope, s.proposalAcceptedEdited(id, result.value.fact.id));
}

/** The Edit form of a proposal, filled in with `values`, labelled in `locale`. */
export function editModal(id: number, scope: ReviewScope, values: FactFormValues, locale: ReplyLocale) {
  return factModal(`${REVIEW_EDIT_MODAL}${id}:${scope}`, stringsFor(locale).acceptTitle(id), values, locale);
}

/** Replaces the review message with what happened and the next proposal to review, in the moderator's language. */
async function moveOn(interaction: ButtonInteraction | ModalSubmitInteraction, context: BotContext, from: StoredProposal, scope: ReviewScope, notice: string): Promise<Outcome> {
  await respond(interaction, showFollowing(context, from, scope, memberLocale(interaction), notice), { update: true });
  return "answered";
}

/** A decision the store refused: decided meanwhile or already stated by a fact (move on), or a fact it would not take (said privately). */
async function refuseDecision(interaction: ButtonInteraction | ModalSubmitInteraction, context: BotContext, proposal: StoredProposal, scope: ReviewScope, error: ProposalError): Promise<Outcome> {
  const locale = memberLocale(interaction);
  const s = stringsFor(locale);
  if (error.kind === "already-decided") {
    await moveOn(interaction, context, proposal, scope, alreadyDecided(error.proposal, locale));
    return "refused";
  }
  if (error.kind === "covered") {
    await moveOn(interaction, context, proposal, scope, s.proposalCovered(proposal.id, error.factId));
    return "refused";
  }
  const why = error.kind === "invalid" ? problemsLine(error.problems) : error.kind;
  await respond(interaction, renderNotice(s.proposalNotAccepted(why)), { ephemeral: true });
  return "refused";
}

function alreadyDecided(proposal: StoredProposal, locale: ReplyLocale): string {
  const s = stringsFor(locale);
  const when = proposal.decidedAt ? proposal.decidedAt.slice(0, 16).replace("T", " ") : null;
  return s.proposalAlreadyDecided(proposal.id, s.proposalStatuses[proposal.status], proposal.decidedBy ?? s.someone, when);
}

/** `proposal` for review, with how many are `left` in the review's scope; or that none is left. */
function show(context: BotContext, left: readonly StoredProposal[], proposal: StoredProposal | undefined, scope: ReviewScope, sourceId: string | undefined, locale: ReplyLocale, notice?: string) {
  if (!proposal) return renderReviewDone(notice, scope === "source" ? sourceId : undefined, locale);
  const source = context.store.sources().find((candidate) => candidate.id === proposal.sourceId);
  return renderProposal(proposal, source, { remaining: left.length, scope, ...(notice ? { notice } : {}) }, locale);
}

/**
 * The review showing the proposal after `from` in its order (by source, then as the proposer ranked them), wrapping
 * around; after a decision `from` has left the list, so the one now in its place comes next. The list is read once.
 */
function showFollowing(context: BotContext, from: StoredProposal, scope: ReviewScope, locale: ReplyLocale, notice?: string) {
  const left = context.store.proposals.list(scope === "source" ? from.sourceId : undefined);
  const next = left.find((candidate) => candidate.sourceId > from.sourceId || (candidate.sourceId === from.sourceId && candidate.id > from.id)) ?? left[0];
  return show(context, left, next, scope, from.sourceId, locale, notice);
}
