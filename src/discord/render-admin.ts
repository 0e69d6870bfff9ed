import { ButtonStyle, ComponentType, escapeMarkdown, type APIEmbed } from "discord.js";
import { diffFacts, type FieldChange } from "../knowledge/fact-diff.js";
import type { Fact, Source } from "../knowledge/schema.js";
import type { ConflictChoice, ImportPlan } from "../knowledge/store/fact-import.js";
import type { Revision, SourceDraft } from "../knowledge/store/fact-store.js";
import type { Gaps } from "../knowledge/store/feedback-store.js";
import { UNNAMED_ATTRIBUTION, type StoredProposal } from "../knowledge/store/proposal-store.js";
import type { QaChannel, QaChannelChange } from "../knowledge/store/qa-store.js";
import type { UsageReport } from "../knowledge/store/usage-report.js";
import type { Problem } from "../knowledge/validate.js";
import type { ReplyLocale } from "../i18n/locale.js";
import { sentences } from "../i18n/sentences.js";
import { commandName, slashCommand } from "../i18n/slash.js";
import { stringsFor, type Strings } from "../i18n/strings.js";
import { truncate } from "../truncate.js";
import type { FactFormValues, FormProblem } from "./fact-form.js";
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

/** What a moderator typed into a form, by input, and each input's label in their language. */
export interface FormDraft<Input extends string = string> {
  values: Readonly<Record<Input, string>>;
  labels: Readonly<Record<Input, string>>;
}

/**
 * Problems with a moderator's draft, per input, with the draft itself so nothing typed is lost: shown in the
 * message, in full in an attached text file, and a button that reopens the form filled in.
 */
export function renderDraftProblems<Input extends string>(problems: readonly FormProblem[], draft: FormDraft<Input>, draftKey: string, locale: ReplyLocale = "en"): MessagePayload {
  const s = stringsFor(locale);
  return fitToLimits({
    content: [s.draftNotSaved, ...problems.map((problem) => `• **${problem.input}** — ${escapeMarkdown(problem.reason)}`)].join("\n"),
    ...draftParts(draft, draftKey, s),
  });
}

/** Store problems (schema, quote check) translated to the modal's inputs, as `inputOf` labels them. */
export function formProblems(problems: readonly Problem[], inputOf: (field: string) => string): FormProblem[] {
  return problems.map((problem) => ({ input: inputOf(problem.field.split(".")[0] ?? problem.field), reason: `${problem.field}: ${problem.reason}` }));
}

/** Someone saved the fact after this moderator opened it: what they changed, and the draft to redo on top. */
export function renderConflict(current: Fact, since: readonly Revision[], values: FactFormValues, draftKey: string, locale: ReplyLocale = "en"): MessagePayload {
  const s = stringsFor(locale);
  const lines = since.map((revision) =>
    s.conflictChange(revision.revision, s.revisionActions[revision.action], escapeMarkdown(revision.actor), revision.at, changeSummary(diffFacts(revision.before, revision.after), s)),
  );
  return fitToLimits({
    content: [s.conflictNotSaved(current.id, current.revision), ...lines, s.conflictDraftBelow].join("\n"),
    ...draftParts({ values, labels: s.factFormLabels }, draftKey, s),
  });
}

function draftParts<Input extends string>({ values, labels }: FormDraft<Input>, draftKey: string, s: Strings): Pick<MessagePayload, "embeds" | "components" | "files"> {
  const inputs = (Object.keys(values) as Input[]).map((input) => ({ label: labels[input], value: values[input] }));
  const embed: APIEmbed = {
    color: COLOUR,
    title: s.draftTitle,
    fields: inputs.map(({ label, value }) => ({ name: label, value: value.trim() ? `\`\`\`\n${truncate(value.replace(/```/g, "'''"), LIMITS.fieldValue - 8)}\n\`\`\`` : s.draftEmpty })),
  };
  const file = inputs.map(({ label, value }) => `## ${label}\n${value}\n`).join("\n");
  return { embeds: [embed], components: [reopenButton(draftKey, s)], files: [{ name: "draft.txt", content: file }] };
}

function reopenButton(draftKey: string, s: Strings): NonNullable<MessagePayload["components"]>[number] {
  return { type: ComponentType.ActionRow, components: [{ type: ComponentType.Button, style: ButtonStyle.Primary, label: s.reopenDraft, custom_id: `${DRAFT_BUTTON}${draftKey}` }] };
}

/** What a write did to a fact (`written`: added, saved, retired…), its revision and status now, and whether it answers. */
export function renderSaved(fact: Fact, written: keyof Strings["factWritten"], locale: ReplyLocale = "en"): MessagePayload {
  const s = stringsFor(locale);
  const line = s.factWrittenLine(s.factWritten[written], fact.id, fact.revision, s.factStatuses[fact.status]);
  return { content: sentences(locale, line, fact.status === "active" ? s.answersFromNow : s.answersNoMore) };
}

export function renderHistory(fact: Fact, revisions: readonly Revision[], locale: ReplyLocale = "en"): MessagePayload {
  const s = stringsFor(locale);
  const shown = revisions.slice(-LIMITS.embedFields);
  return fitToLimits({
    embeds: [
      {
        color: COLOUR,
        title: truncate(s.historyTitle(fact.id), LIMITS.embedTitle),
        description: revisions.length > shown.length ? s.historyLatest(shown.length, revisions.length) : undefined,
        fields: shown.map((revision) => ({
          name: truncate(`r${revision.revision} · ${s.revisionActions[revision.action]} · ${revision.actor} · ${revision.at.slice(0, 16).replace("T", " ")}`, LIMITS.fieldName),
          value: truncate(`${revision.reason ? `“${escapeMarkdown(revision.reason)}” — ` : ""}${changeSummary(diffFacts(revision.before, revision.after), s)}`, LIMITS.fieldValue),
        })),
        footer: { text: s.historyFooter(slashCommand("trade-admin revert", locale)) },
      },
    ],
  });
}

function changeSummary(changes: readonly FieldChange[], s: Strings): string {
  if (changes.length === 0) return s.noContentChange;
  if (changes.length > 4) return s.fieldsSet(changes.map((change) => change.field).join(", "));
  return changes.map(({ field, before, after }) => `${field}: ${show(before)} → ${show(after)}`).join("; ");
}

function show(value: unknown): string {
  if (value === undefined) return "∅";
  const text = Array.isArray(value) ? value.join(", ") : typeof value === "string" ? value : JSON.stringify(value);
  return escapeMarkdown(truncate(text, 80));
}

export function renderGaps(gaps: Gaps, locale: ReplyLocale = "en"): MessagePayload {
  const s = stringsFor(locale);
  const unanswered = gaps.unanswered.map((gap) => `• **${gap.count}×** ${escapeMarkdown(truncate(gap.question, 150))} _${s.gapLastSeen(gap.lastSeen.slice(0, 10))}_`);
  const downvoted = gaps.downvoted.map((entry) => `• \`${entry.fact.id}\` 👎 ${entry.notHelpful} · 👍 ${entry.helpful} — ${escapeMarkdown(truncate(entry.fact.statement, 100))}`);
  return fitToLimits({
    embeds: [
      { color: COLOUR, title: s.gapsUnansweredTitle, description: unanswered.join("\n") || s.gapsNoUnanswered },
      { color: COLOUR, title: s.gapsDownvotedTitle, description: downvoted.join("\n") || s.gapsNoDownvotes },
    ],
  });
}

export function renderStats(stats: UsageReport, locale: ReplyLocale = "en"): MessagePayload {
  const s = stringsFor(locale);
  const rate = stats.answeredPercent === null ? "—" : `${stats.answeredPercent}%`;
  const channelLines = stats.channels.map((channel) => `• <#${channel.channelId}>: ${s.statsChannelLine(channel)}`);
  return fitToLimits({
    embeds: [
      {
        color: COLOUR,
        title: s.statsTitle,
        fields: [
          { name: s.statsAsked, value: String(stats.asked), inline: true },
          { name: s.statsAnswered, value: `${stats.answered} (${rate})`, inline: true },
          { name: s.statsFeedback, value: `👍 ${stats.helpful} · 👎 ${stats.notHelpful}`, inline: true },
          { name: s.statsTopFacts, value: stats.topFacts.map((entry) => `• \`${entry.fact.id}\` ×${entry.answers}`).join("\n") || s.statsNoneYet },
          ...(channelLines.length > 0 ? [{ name: s.statsQaChannels, value: truncate(channelLines.join("\n"), LIMITS.fieldValue) }] : []),
        ],
      },
    ],
  });
}

/** The channels taking part in Q&A, with their modes and the latest changes to them. */
export function renderQaChannels(channels: readonly QaChannel[], changes: readonly QaChannelChange[], fromEnv: readonly string[], locale: ReplyLocale = "en"): MessagePayload {
  const s = stringsFor(locale);
  const when = (at: string) => at.slice(0, 16).replace("T", " ");
  const listed = channels.map((channel) => s.qaChannelLine(`<#${channel.channelId}>`, channel.mode, escapeMarkdown(channel.updatedBy), when(channel.updatedAt)));
  const env = fromEnv.filter((id) => !channels.some((channel) => channel.channelId === id)).map((id) => s.qaChannelFromEnv(`<#${id}>`));
  const history = changes.map((change) => `${when(change.at)} · <#${change.channelId}> · ${change.modeBefore ?? s.qaModeOff} → ${change.modeAfter ?? s.qaModeOff} · ${escapeMarkdown(change.actor)}`);
  return fitToLimits({
    embeds: [
      {
        color: COLOUR,
        title: s.qaChannelsTitle,
        description: [...listed, ...env].join("\n") || s.qaNoChannels(slashCommand("trade-admin qa add", locale)),
        ...(history.length > 0 ? { fields: [{ name: s.qaLatestChanges, value: truncate(history.join("\n"), LIMITS.fieldValue) }] } : {}),
      },
    ],
  });
}

/**
 * The dry run of an import, with the buttons that apply or drop it. Facts changed here after the file's revision
 * of them are conflicts: listed with who changed them and when, and applied only by a button that says what
 * becomes of them.
 */
export function renderImportPlan(plan: ImportPlan, key: string, locale: ReplyLocale = "en"): MessagePayload {
  const s = stringsFor(locale);
  const list = (facts: readonly { id: string }[]) => facts.map((fact) => `\`${fact.id}\``).join(", ");
  const fields = (before: Fact, after: Fact) => diffFacts(before, after).map((change) => change.field).join(", ");
  const changed = plan.changed.map(({ before, after }) => `\`${after.id}\` (${fields(before, after)})`);
  const conflicts = plan.conflicts.map(({ before, after }) =>
    s.importConflictLine(after.id, after.revision, before.revision, escapeMarkdown(before.updatedBy), before.updatedAt.slice(0, 16).replace("T", " "), fields(before, after)),
  );
  const applicable = plan.added.length + plan.changed.length + plan.sourcesAdded.length + plan.sourcesChanged.length > 0;
  const button = (style: ButtonStyle.Primary | ButtonStyle.Danger | ButtonStyle.Secondary, label: string, prefix: string) =>
    ({ type: ComponentType.Button, style, label, custom_id: `${prefix}${key}` }) as const;
  const n = conflicts.length;
  const buttons =
    n === 0
      ? [button(ButtonStyle.Danger, s.applyImport, IMPORT_CONFIRM)]
      : [
          ...(applicable ? [button(ButtonStyle.Primary, s.applySkipConflicts(n), IMPORT_SKIP_CONFLICTS)] : []),
          button(ButtonStyle.Danger, s.applyOverwriteConflicts(n), IMPORT_OVERWRITE_CONFLICTS),
        ];
  return fitToLimits({
    content: !applicable && n === 0 ? s.importNothing : n === 0 ? s.importDryRun : s.importDryRunConflicts,
    embeds: [
      {
        color: COLOUR,
        title: s.importPreviewTitle,
        fields: [
          { name: s.importFactsAdded(plan.added.length), value: list(plan.added) || s.none },
          { name: s.importFactsChanged(plan.changed.length), value: changed.join(", ") || s.none },
          ...(n > 0 ? [{ name: s.importConflicts(n), value: conflicts.join("\n") }] : []),
          { name: s.importSourcesChanged(plan.sourcesAdded.length + plan.sourcesChanged.length), value: list([...plan.sourcesAdded, ...plan.sourcesChanged]) || s.none },
          { name: s.importUnchanged, value: s.importUnchangedCounts(plan.unchanged, plan.untouched), inline: false },
        ],
      },
    ],
    components:
      !applicable && n === 0
        ? []
        : [{ type: ComponentType.ActionRow, components: [...buttons, button(ButtonStyle.Secondary, s.cancel, IMPORT_CANCEL)] }],
  });
}

/** What an applied import wrote, and what became of its conflicts. */
export function renderImported(plan: ImportPlan, onConflict: ConflictChoice | undefined, locale: ReplyLocale = "en"): MessagePayload {
  const s = stringsFor(locale);
  const { added, changed, sourcesAdded, sourcesChanged, conflicts } = plan;
  const n = conflicts.length;
  const conflictsDone = n === 0 ? [] : [onConflict === "overwrite" ? s.importOverwrote(n) : s.importSkipped(n)];
  return {
    content: sentences(locale, s.imported(added.length, changed.length, sourcesAdded.length + sourcesChanged.length), ...conflictsDone),
    embeds: [],
    components: [],
  };
}

export function renderSourceAdded(source: Source, proposed = 0, locale: ReplyLocale = "en"): MessagePayload {
  const s = stringsFor(locale);
  const title = escapeMarkdown(source.title);
  const registered = source.text ? s.sourceRegisteredWithText(source.id, title) : s.sourceRegisteredNoText(source.id, title);
  const review = `${slashCommand("trade-admin review", locale)} ${commandName("trade-admin review source", locale)}:${source.id}`;
  return { content: proposed > 0 ? sentences(locale, registered, s.sourceProposed(proposed, review)) : registered };
}

/** A source read from a file or a link, before anything is stored: what it is, how long, how it begins. */
export function renderSourcePreview(draft: SourceDraft, key: string, fromFile: boolean, locale: ReplyLocale = "en"): MessagePayload {
  const s = stringsFor(locale);
  const text = draft.text ?? "";
  const words = text.split(/\s+/).filter(Boolean).length;
  const firstLines = text.split("\n").filter((line) => line.trim()).slice(0, 4).map((line) => `> ${escapeMarkdown(truncate(line.trim(), 300))}`);
  const unknown = (value: string | null) => (value ? escapeMarkdown(value) : s.sourceUnknownGiveOption);
  return fitToLimits({
    content: s.sourceNothingStored,
    embeds: [
      {
        color: COLOUR,
        title: truncate(draft.title, LIMITS.embedTitle),
        ...(draft.url ? { url: draft.url } : {}),
        description: truncate(firstLines.join("\n"), 1200),
        fields: [
          { name: s.sourceLength, value: s.sourceLengthValue(text.length, words), inline: true },
          { name: s.publisher, value: unknown(draft.publisher), inline: true },
          { name: s.date, value: unknown(draft.date), inline: true },
          { name: fromFile ? s.sourceFrom : s.link, value: fromFile ? s.sourceUploadedFile : escapeMarkdown(truncate(draft.url ?? "", LIMITS.fieldValue)) },
        ],
        footer: { text: s.sourceTextKept },
      },
    ],
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          { type: ComponentType.Button, style: ButtonStyle.Primary, label: s.addSource, custom_id: `${SOURCE_CONFIRM}${key}` },
          { type: ComponentType.Button, style: ButtonStyle.Secondary, label: s.cancel, custom_id: `${SOURCE_CANCEL}${key}` },
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
  locale: ReplyLocale = "en",
): MessagePayload {
  const s = stringsFor(locale);
  const figures = proposal.figures.map((figure) => `• ${escapeMarkdown(figure.text)} = ${figure.value.toLocaleString(locale)} ${escapeMarkdown(figure.unit)}`);
  const button = (style: ButtonStyle.Success | ButtonStyle.Primary | ButtonStyle.Danger | ButtonStyle.Secondary, label: string, action: string) =>
    ({ type: ComponentType.Button, style, label, custom_id: `${REVIEW_BUTTON}${action}:${proposal.id}:${scope}` }) as const;
  const [embed] = fitToLimits({
    embeds: [
      {
        color: COLOUR,
        title: truncate(proposal.statement, LIMITS.embedTitle),
        fields: [
          { name: s.proposalAttribution, value: proposal.attribution ? escapeMarkdown(proposal.attribution) : s.proposalNoAttribution(UNNAMED_ATTRIBUTION) },
          { name: s.proposalFigures, value: truncate(figures.join("\n"), LIMITS.fieldValue) || s.none },
          { name: s.topic, value: escapeMarkdown(proposal.topic), inline: true },
          { name: s.proposalPeriod, value: proposal.period ? escapeMarkdown(proposal.period) : s.proposalNoPeriod, inline: true },
          { name: s.source, value: truncate(`\`${proposal.sourceId}\`${source ? ` ${escapeMarkdown(source.title)}` : ""}`, LIMITS.fieldValue) },
          ...(proposal.typos?.length
            ? [{ name: s.proposalTypos, value: truncate(s.proposalTyposKept(proposal.typos.map((typo) => escapeMarkdown(typo)).join(", ")), LIMITS.fieldValue) }]
            : []),
        ],
        footer: { text: scope === "source" ? s.proposalFooterIn(proposal.id, remaining, proposal.sourceId) : s.proposalFooter(proposal.id, remaining) },
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
          button(ButtonStyle.Success, s.accept, "accept"),
          button(ButtonStyle.Primary, s.edit, "edit"),
          button(ButtonStyle.Danger, s.reject, "reject"),
          button(ButtonStyle.Secondary, s.next, "next"),
        ],
      },
    ],
  });
}

/** The review when nothing is left in it. */
export function renderReviewDone(notice: string | undefined, sourceId: string | undefined, locale: ReplyLocale = "en"): MessagePayload {
  const s = stringsFor(locale);
  const done = sourceId ? s.reviewDoneIn(sourceId) : s.reviewDone;
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
