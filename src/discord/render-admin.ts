import { ButtonStyle, ComponentType, escapeMarkdown, type APIEmbed } from "discord.js";
import { diffFacts, type FieldChange } from "../knowledge/fact-diff.js";
import type { Fact, Source } from "../knowledge/schema.js";
import type { ConflictChoice, ImportPlan } from "../knowledge/store/fact-import.js";
import type { Revision, SourceDraft } from "../knowledge/store/fact-store.js";
import type { Gaps } from "../knowledge/store/feedback-store.js";
import type { StoredProposal } from "../knowledge/store/proposal-store.js";
import type { QaChannel, QaChannelChange } from "../knowledge/store/qa-store.js";
import type { UsageReport } from "../knowledge/store/usage-report.js";
import type { Problem } from "../knowledge/validate.js";
import { truncate } from "../truncate.js";
import { inputOf, type FactFormValues, type FormProblem } from "./fact-form.js";
import { embedLength, fitToLimits, LIMITS, type MessagePayload } from "./limits.js";

const COLOUR = 0x6a1b9a;

export const DRAFT_BUTTON = "admin:draft:";
export const IMPORT_CONFIRM = "admin:import-confirm:";
export const IMPORT_SKIP_CONFLICTS = "admin:import-skip:";
export const IMPORT_OVERWRITE_CONFLICTS = "admin:import-overwrite:";
export const IMPORT_CANCEL = "admin:import-cancel:";
export const SOURCE_CONFIRM = "admin:source-confirm:";
export const SOURCE_CANCEL = "admin:source-cancel:";
export const REVIEW_BUTTON = "admin:review:";
export const REVIEW_EDIT_MODAL = "admin:review-edit:";
export const REVIEW_REJECT_MODAL = "admin:review-reject:";

/**
 * Problems with a moderator's draft, per input, with the draft itself so nothing typed is lost: shown in the
 * message, in full in an attached text file, and a button that reopens the form filled in.
 */
export function renderDraftProblems(problems: readonly FormProblem[], values: Record<string, string>, draftKey: string): MessagePayload {
  return fitToLimits({
    content: ["**Not saved: fix these and submit again.**", ...problems.map((problem) => `• **${problem.input}** — ${escapeMarkdown(problem.reason)}`)].join("\n"),
    ...draftParts(values, draftKey),
  });
}


/** Store problems (schema, quote check) translated to the modal's inputs. */
export function formProblems(problems: readonly Problem[]): FormProblem[] {
  return problems.map((problem) => ({ input: inputOf(problem.field.split(".")[0] ?? problem.field), reason: `${problem.field}: ${problem.reason}` }));
}

/** Someone saved the fact after this moderator opened it: what they changed, and the draft to redo on top. */
export function renderConflict(current: Fact, since: readonly Revision[], values: FactFormValues, draftKey: string): MessagePayload {
  const lines = since.map(
    (revision) => `• r${revision.revision} ${revision.action} by ${escapeMarkdown(revision.actor)} at ${revision.at}: ${changeSummary(diffFacts(revision.before, revision.after))}`,
  );
  return fitToLimits({
    content: [`**Not saved: \`${current.id}\` changed since you opened it** (now revision ${current.revision}).`, ...lines, "Your draft is below; reopen it to apply it on top of the current version."].join("\n"),
    ...draftParts(values, draftKey),
  });
}

function draftParts(values: Record<string, string>, draftKey: string): Pick<MessagePayload, "embeds" | "components" | "files"> {
  const embed: APIEmbed = {
    color: COLOUR,
    title: "Your draft (in full in draft.txt)",
    fields: Object.entries(values).map(([name, value]) => ({ name, value: value.trim() ? `\`\`\`\n${truncate(value.replace(/```/g, "'''"), LIMITS.fieldValue - 8)}\n\`\`\`` : "(empty)" })),
  };
  const file = Object.entries(values).map(([name, value]) => `## ${name}\n${value}\n`).join("\n");
  return { embeds: [embed], components: [reopenButton(draftKey)], files: [{ name: "draft.txt", content: file }] };
}

function reopenButton(draftKey: string): NonNullable<MessagePayload["components"]>[number] {
  return { type: ComponentType.ActionRow, components: [{ type: ComponentType.Button, style: ButtonStyle.Primary, label: "Reopen my draft", custom_id: `${DRAFT_BUTTON}${draftKey}` }] };
}

export function renderSaved(fact: Fact, what: string): MessagePayload {
  return { content: `${what} \`${fact.id}\` (revision ${fact.revision}, ${fact.status}). It answers questions from now on${fact.status === "active" ? "" : " no more"}.` };
}

export function renderHistory(fact: Fact, revisions: readonly Revision[]): MessagePayload {
  const shown = revisions.slice(-LIMITS.embedFields);
  return fitToLimits({
    embeds: [
      {
        color: COLOUR,
        title: truncate(`History of ${fact.id}`, LIMITS.embedTitle),
        description: revisions.length > shown.length ? `The latest ${shown.length} of ${revisions.length} revisions.` : undefined,
        fields: shown.map((revision) => ({
          name: truncate(`r${revision.revision} · ${revision.action} · ${revision.actor} · ${revision.at.slice(0, 16).replace("T", " ")}`, LIMITS.fieldName),
          value: truncate(`${revision.reason ? `“${escapeMarkdown(revision.reason)}” — ` : ""}${changeSummary(diffFacts(revision.before, revision.after))}`, LIMITS.fieldValue),
        })),
        footer: { text: "Bring back a revision's content with /trade-admin revert" },
      },
    ],
  });
}

function changeSummary(changes: readonly FieldChange[]): string {
  if (changes.length === 0) return "no content change";
  if (changes.length > 4) return `${changes.map((change) => change.field).join(", ")} set`;
  return changes.map(({ field, before, after }) => `${field}: ${show(before)} → ${show(after)}`).join("; ");
}

function show(value: unknown): string {
  if (value === undefined) return "∅";
  const text = Array.isArray(value) ? value.join(", ") : typeof value === "string" ? value : JSON.stringify(value);
  return escapeMarkdown(truncate(text, 80));
}

export function renderGaps(gaps: Gaps): MessagePayload {
  const unanswered = gaps.unanswered.map((gap) => `• **${gap.count}×** ${escapeMarkdown(truncate(gap.question, 150))} _(last ${gap.lastSeen.slice(0, 10)})_`);
  const downvoted = gaps.downvoted.map((entry) => `• \`${entry.fact.id}\` 👎 ${entry.notHelpful} · 👍 ${entry.helpful} — ${escapeMarkdown(truncate(entry.fact.statement, 100))}`);
  return fitToLimits({
    embeds: [
      { color: COLOUR, title: "Most asked, not answered", description: unanswered.join("\n") || "No unanswered questions yet." },
      { color: COLOUR, title: "Most down-voted answers", description: downvoted.join("\n") || "No down-votes yet." },
    ],
  });
}

export function renderStats(stats: UsageReport): MessagePayload {
  const rate = stats.answeredPercent === null ? "—" : `${stats.answeredPercent}%`;
  const channelLines = stats.channels.map(
    (channel) =>
      `• <#${channel.channelId}>: ${channel.answered} answered, ${channel.shadow} would have been (shadow), ${channel.misses} misses posted · 👍 ${channel.helpful} · 👎 ${channel.notHelpful} · removed ${channel.removed} · human asked ${channel.humanAsked}`,
  );
  return fitToLimits({
    embeds: [
      {
        color: COLOUR,
        title: "Usage",
        fields: [
          { name: "Questions asked", value: String(stats.asked), inline: true },
          { name: "Answered", value: `${stats.answered} (${rate})`, inline: true },
          { name: "Feedback", value: `👍 ${stats.helpful} · 👎 ${stats.notHelpful}`, inline: true },
          { name: "Most used facts", value: stats.topFacts.map((entry) => `• \`${entry.fact.id}\` ×${entry.answers}`).join("\n") || "None yet." },
          ...(channelLines.length > 0 ? [{ name: "Answers in Q&A channels", value: truncate(channelLines.join("\n"), LIMITS.fieldValue) }] : []),
        ],
      },
    ],
  });
}

/** The channels taking part in Q&A, with their modes and the latest changes to them. */
export function renderQaChannels(channels: readonly QaChannel[], changes: readonly QaChannelChange[], fromEnv: readonly string[]): MessagePayload {
  const listed = channels.map((channel) => `• <#${channel.channelId}>: ${channel.mode} (set by ${escapeMarkdown(channel.updatedBy)}, ${channel.updatedAt.slice(0, 16).replace("T", " ")})`);
  const env = fromEnv.filter((id) => !channels.some((channel) => channel.channelId === id)).map((id) => `• <#${id}>: answer-only (QA_CHANNEL_IDS)`);
  const history = changes.map((change) => `${change.at.slice(0, 16).replace("T", " ")} · <#${change.channelId}> · ${change.modeBefore ?? "off"} → ${change.modeAfter ?? "off"} · ${escapeMarkdown(change.actor)}`);
  return fitToLimits({
    embeds: [
      {
        color: COLOUR,
        title: "Q&A channels",
        description: [...listed, ...env].join("\n") || "No channel takes part in Q&A; the bot answers @mentions only. Add one with `/trade-admin qa add`.",
        ...(history.length > 0 ? { fields: [{ name: "Latest changes", value: truncate(history.join("\n"), LIMITS.fieldValue) }] } : {}),
      },
    ],
  });
}

/**
 * The dry run of an import, with the buttons that apply or drop it. Facts changed here after the file's revision
 * of them are conflicts: listed with who changed them and when, and applied only by a button that says what
 * becomes of them.
 */
export function renderImportPlan(plan: ImportPlan, key: string): MessagePayload {
  const list = (facts: readonly { id: string }[]) => facts.map((fact) => `\`${fact.id}\``).join(", ");
  const fields = (before: Fact, after: Fact) => diffFacts(before, after).map((change) => change.field).join(", ");
  const changed = plan.changed.map(({ before, after }) => `\`${after.id}\` (${fields(before, after)})`);
  const conflicts = plan.conflicts.map(
    ({ before, after }) => `\`${after.id}\`: your file r${after.revision}, here r${before.revision} by ${escapeMarkdown(before.updatedBy)} at ${before.updatedAt.slice(0, 16).replace("T", " ")} (${fields(before, after)})`,
  );
  const applicable = plan.added.length + plan.changed.length + plan.sourcesAdded.length + plan.sourcesChanged.length > 0;
  const button = (style: ButtonStyle.Primary | ButtonStyle.Danger | ButtonStyle.Secondary, label: string, prefix: string) =>
    ({ type: ComponentType.Button, style, label, custom_id: `${prefix}${key}` }) as const;
  const n = conflicts.length;
  const buttons =
    n === 0
      ? [button(ButtonStyle.Danger, "Apply import", IMPORT_CONFIRM)]
      : [
          ...(applicable ? [button(ButtonStyle.Primary, `Apply, skip ${n} conflict${n === 1 ? "" : "s"}`, IMPORT_SKIP_CONFLICTS)] : []),
          button(ButtonStyle.Danger, `Apply and overwrite ${n} conflict${n === 1 ? "" : "s"}`, IMPORT_OVERWRITE_CONFLICTS),
        ];
  return fitToLimits({
    content: !applicable && n === 0
      ? "The file matches the fact base: nothing to import."
      : n === 0
        ? "**Dry run: nothing has changed yet.** Apply it?"
        : "**Dry run: nothing has changed yet.** Some facts were changed here after your file's revision of them (conflicts, below): the file's version would undo those changes. Skip them (left as they are) or overwrite them?",
    embeds: [
      {
        color: COLOUR,
        title: "Import preview",
        fields: [
          { name: `Facts added (${plan.added.length})`, value: list(plan.added) || "none" },
          { name: `Facts changed (${plan.changed.length})`, value: changed.join(", ") || "none" },
          ...(n > 0 ? [{ name: `Conflicts: changed here since your file (${n})`, value: conflicts.join("\n") }] : []),
          { name: `Sources added or changed (${plan.sourcesAdded.length + plan.sourcesChanged.length})`, value: list([...plan.sourcesAdded, ...plan.sourcesChanged]) || "none" },
          { name: "Unchanged", value: `${plan.unchanged} in the file; ${plan.untouched} not in the file, left as they are`, inline: false },
        ],
      },
    ],
    components:
      !applicable && n === 0
        ? []
        : [{ type: ComponentType.ActionRow, components: [...buttons, button(ButtonStyle.Secondary, "Cancel", IMPORT_CANCEL)] }],
  });
}

/** What an applied import wrote, and what became of its conflicts. */
export function renderImported(plan: ImportPlan, onConflict: ConflictChoice | undefined): MessagePayload {
  const { added, changed, sourcesAdded, sourcesChanged, conflicts } = plan;
  const n = conflicts.length;
  const conflictsDone = n === 0 ? "" : onConflict === "overwrite" ? ` Overwrote ${n} conflict${n === 1 ? "" : "s"} with the file's version.` : ` Skipped ${n} conflict${n === 1 ? "" : "s"}: left as ${n === 1 ? "it is" : "they are"}.`;
  return {
    content: `Imported: ${added.length} facts added, ${changed.length} changed, ${sourcesAdded.length + sourcesChanged.length} sources added or changed.${conflictsDone}`,
    embeds: [],
    components: [],
  };
}

export function renderSourceAdded(source: Source, proposed = 0): MessagePayload {
  const review = proposed > 0 ? ` ${proposed} fact${proposed === 1 ? "" : "s"} proposed from it: review them with \`/trade-admin review source:${source.id}\`.` : "";
  return { content: `Registered source \`${source.id}\`: ${escapeMarkdown(source.title)}${source.text ? " (with its text: quotes from it are checked)" : " (no text: quotes from it cannot be checked)"}.${review}` };
}

/** A source read from a file or a link, before anything is stored: what it is, how long, how it begins. */
export function renderSourcePreview(draft: SourceDraft, key: string, fromFile: boolean): MessagePayload {
  const text = draft.text ?? "";
  const words = text.split(/\s+/).filter(Boolean).length;
  const firstLines = text.split("\n").filter((line) => line.trim()).slice(0, 4).map((line) => `> ${escapeMarkdown(truncate(line.trim(), 300))}`);
  const unknown = (value: string | null) => (value ? escapeMarkdown(value) : "unknown (give it as an option)");
  return fitToLimits({
    content: "**Nothing is stored yet.** Add this source?",
    embeds: [
      {
        color: COLOUR,
        title: truncate(draft.title, LIMITS.embedTitle),
        ...(draft.url ? { url: draft.url } : {}),
        description: truncate(firstLines.join("\n"), 1200),
        fields: [
          { name: "Length", value: `${text.length.toLocaleString("en")} characters, ${words.toLocaleString("en")} words`, inline: true },
          { name: "Publisher", value: unknown(draft.publisher), inline: true },
          { name: "Date", value: unknown(draft.date), inline: true },
          { name: fromFile ? "From" : "Link", value: fromFile ? "the uploaded file" : escapeMarkdown(truncate(draft.url ?? "", LIMITS.fieldValue)) },
        ],
        footer: { text: "The full text is kept, so quotes from it are checked." },
      },
    ],
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          { type: ComponentType.Button, style: ButtonStyle.Primary, label: "Add source", custom_id: `${SOURCE_CONFIRM}${key}` },
          { type: ComponentType.Button, style: ButtonStyle.Secondary, label: "Cancel", custom_id: `${SOURCE_CANCEL}${key}` },
        ],
      },
    ],
  });
}

/**
 * One pending proposal for review: the statement, the quote in its context in the source, who the text credits,
 * the figures, topic and period, words that look like the source's typos, how many remain, and Accept, Edit, Reject and Next. `notice` says what happened
 * to the previous one.
 */
export function renderProposal(
  proposal: StoredProposal,
  source: Source | undefined,
  { remaining, scope, notice }: { remaining: number; scope: "source" | "all"; notice?: string },
): MessagePayload {
  const figures = proposal.figures.map((figure) => `• ${escapeMarkdown(figure.text)} = ${figure.value.toLocaleString("en")} ${escapeMarkdown(figure.unit)}`);
  const button = (style: ButtonStyle.Success | ButtonStyle.Primary | ButtonStyle.Danger | ButtonStyle.Secondary, label: string, action: string) =>
    ({ type: ComponentType.Button, style, label, custom_id: `${REVIEW_BUTTON}${action}:${proposal.id}:${scope}` }) as const;
  const [embed] = fitToLimits({
    embeds: [
      {
        color: COLOUR,
        title: truncate(proposal.statement, LIMITS.embedTitle),
        fields: [
          { name: "Attribution", value: proposal.attribution ? escapeMarkdown(proposal.attribution) : "none named: the fact will say “The article (no source named)”" },
          { name: "Figures", value: truncate(figures.join("\n"), LIMITS.fieldValue) || "none" },
          { name: "Topic", value: escapeMarkdown(proposal.topic), inline: true },
          { name: "Period", value: proposal.period ? escapeMarkdown(proposal.period) : "none stated", inline: true },
          { name: "Source", value: truncate(`\`${proposal.sourceId}\`${source ? ` ${escapeMarkdown(source.title)}` : ""}`, LIMITS.fieldValue) },
          ...(proposal.typos?.length
            ? [{ name: "Source typo?", value: truncate(`${proposal.typos.map((typo) => escapeMarkdown(typo)).join(", ")} (kept as the source wrote it; the quote must stay verbatim)`, LIMITS.fieldValue) }]
            : []),
        ],
        footer: { text: `Proposal ${proposal.id} · ${remaining} left to review${scope === "source" ? ` in ${proposal.sourceId}` : ""}` },
      },
    ],
  }).embeds!;
  const room = Math.min(LIMITS.embedDescription, LIMITS.embedsTotal - embedLength(embed!));
  return fitToLimits({
    content: notice ?? "",
    embeds: [{ ...embed!, description: quoteInContext(proposal.quote, source?.text ?? null, room) }],
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          button(ButtonStyle.Success, "Accept", "accept"),
          button(ButtonStyle.Primary, "Edit", "edit"),
          button(ButtonStyle.Danger, "Reject", "reject"),
          button(ButtonStyle.Secondary, "Next", "next"),
        ],
      },
    ],
  });
}

/** The review when nothing is left in it. */
export function renderReviewDone(notice: string | undefined, sourceId: string | undefined): MessagePayload {
  const done = `Nothing left to review${sourceId ? ` in \`${sourceId}\`` : ""}: every proposal is decided or covered by a fact.`;
  return { content: notice ? `${notice}\n${done}` : done, embeds: [], components: [] };
}

/**
 * The quote in bold with up to 200 characters of the source on each side, whole words only, as a block quote, in
 * at most `room` characters: when it does not fit, the quote alone, its end cut inside the bold.
 */
function quoteInContext(quote: string, text: string | null, room: number): string {
  const bold = `> **${fitEscaped(quote, room - 6)}**`;
  const at = text?.indexOf(quote) ?? -1;
  if (!text || at < 0) return bold;
  const start = Math.max(0, at - 200);
  const end = Math.min(text.length, at + quote.length + 200);
  const cutWord = (index: number) => index > 0 && index < text.length && /\S/.test(text[index - 1]!) && /\S/.test(text[index]!);
  const before = text.slice(start, at).replace(cutWord(start) ? /^\S*\s*/ : /^\s*/, "");
  const after = text.slice(at + quote.length, end).replace(cutWord(end) ? /\s*\S*$/ : /\s*$/, "");
  const whole = `> ${start > 0 ? "…" : ""}${flatten(before)}**${flatten(quote)}**${flatten(after)}${end < text.length ? "…" : ""}`;
  return whole.length <= room ? whole : bold;
}

/** Text on one line with Markdown escaped, cut (before escaping, so no escape is split) to at most `max` characters. */
function fitEscaped(text: string, max: number): string {
  for (let keep = Math.min(text.length, max); ; ) {
    const escaped = flatten(truncate(text, keep));
    if (escaped.length <= max || keep <= 1) return escaped;
    keep -= escaped.length - max;
  }
}

function flatten(text: string): string {
  return escapeMarkdown(text.replace(/\s+/g, " "));
}
