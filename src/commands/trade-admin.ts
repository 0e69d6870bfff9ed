import {
  ApplicationIntegrationType,
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type SlashCommandStringOption,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type MessageComponentInteraction,
  type ModalSubmitInteraction,
  type RepliableInteraction,
} from "discord.js";
import {
  factFormValues,
  factModal,
  inputOf,
  inputsTooLong,
  parseFactForm,
  parseSourceForm,
  sourceInputOf,
  sourceModal,
  SOURCE_FORM,
  FACT_FORM,
  type FactFormValues,
  type SourceFormValues,
} from "../discord/fact-form.js";
import { LIMITS } from "../discord/limits.js";
import { readModal } from "../discord/modal-values.js";
import { checkModerator, memberRoleIds } from "../discord/moderation-access.js";
import { Pending } from "../discord/pending.js";
import { respond } from "../discord/reply.js";
import { renderFact, renderNotice } from "../discord/render.js";
import {
  DRAFT_BUTTON,
  formProblems,
  IMPORT_CANCEL,
  IMPORT_CONFIRM,
  IMPORT_OVERWRITE_CONFLICTS,
  IMPORT_SKIP_CONFLICTS,
  renderConflict,
  renderDraftProblems,
  renderGaps,
  renderHistory,
  renderImported,
  renderImportPlan,
  renderSaved,
  renderSourceAdded,
  renderQaChannels,
  renderStats,
} from "../discord/render-admin.js";
import { memberLocale, type ReplyLocale } from "../i18n/locale.js";
import { sentences } from "../i18n/sentences.js";
import { stringsFor, type Strings } from "../i18n/strings.js";
import { QA_MODES, type QaMode } from "../knowledge/store/qa-store.js";
import { usageReport } from "../knowledge/store/usage-report.js";
import { parseFactBaseText } from "../knowledge/fact-base-file.js";
import type { Fact, FactBase } from "../knowledge/schema.js";
import type { ConflictChoice } from "../knowledge/store/fact-import.js";
import type { StoreError } from "../knowledge/store/fact-store.js";
import { claimProblems, type Problem } from "../knowledge/validate.js";
import { truncate } from "../truncate.js";
import { editModal, reviewButton, reviewModal, startReview, type ReviewScope } from "./review.js";
import { decideSource, previewSource } from "./source-intake.js";
import { reopenTranslation, startTranslation, translateButton, translateModal, translateSubcommand, type TranslationDraft } from "./translate.js";
import type { BotContext, CommandModule, Outcome } from "../discord/command-contract.js";

const PENDING_MS = 15 * 60_000;
const QA_CHANNEL_TYPES = [ChannelType.GuildText, ChannelType.GuildAnnouncement, ChannelType.GuildForum, ChannelType.GuildMedia] as const;
const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
const ADD_MODAL = "admin:add";
const EDIT_MODAL = "admin:edit:";
const SOURCE_MODAL = "admin:source-add";
/** The preview's apply buttons and what each does with conflicts (plain Apply is offered only when there are none). */
const IMPORT_APPLY_BUTTONS: readonly [prefix: string, onConflict: ConflictChoice | undefined][] = [
  [IMPORT_CONFIRM, undefined],
  [IMPORT_SKIP_CONFLICTS, "skip"],
  [IMPORT_OVERWRITE_CONFLICTS, "overwrite"],
];

type Draft =
  /** A fact form: the fact being edited and the revision the draft applies to (none when adding). */
  | { kind: "fact"; target?: { id: string; revision: number }; values: FactFormValues }
  | { kind: "source"; values: SourceFormValues }
  /** The Edit form of a proposal under review (saving it accepts the proposal). */
  | { kind: "proposal"; proposalId: number; scope: ReviewScope; values: FactFormValues }
  | ({ kind: "translation" } & TranslationDraft);

const drafts = new Pending<Draft>(PENDING_MS);
const imports = new Pending<{ base: FactBase; fingerprint: string }>(PENDING_MS);

const idOption = (name: string, description: string) => (option: SlashCommandStringOption) =>
  option.setName(name).setDescription(description).setRequired(true).setAutocomplete(true).setMaxLength(80);

const definition = new SlashCommandBuilder()
  .setName("trade-admin")
  .setDescription("Curate the trade fact base (moderators)")
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((sub) => sub.setName("add").setDescription("Add a fact (opens a form)"))
  .addSubcommand((sub) => sub.setName("edit").setDescription("Edit a fact (opens the form, filled in)").addStringOption(idOption("id", "The fact")))
  .addSubcommand(translateSubcommand)
  .addSubcommand((sub) =>
    sub
      .setName("retire")
      .setDescription("Stop a fact from answering (nothing is deleted)")
      .addStringOption(idOption("id", "The fact"))
      .addStringOption((option) => option.setName("reason").setDescription("Why").setRequired(true).setMaxLength(300)),
  )
  .addSubcommand((sub) =>
    sub
      .setName("restore")
      .setDescription("Let a retired fact answer again")
      .addStringOption(idOption("id", "The fact"))
      .addStringOption((option) => option.setName("reason").setDescription("Why").setMaxLength(300)),
  )
  .addSubcommand((sub) => sub.setName("history").setDescription("Every revision of a fact: who, when, why, what").addStringOption(idOption("id", "The fact")))
  .addSubcommand((sub) =>
    sub
      .setName("revert")
      .setDescription("Bring back a fact's content from an earlier revision")
      .addStringOption(idOption("id", "The fact"))
      .addIntegerOption((option) => option.setName("revision").setDescription("The revision number (see history)").setRequired(true).setMinValue(1))
      .addStringOption((option) => option.setName("reason").setDescription("Why").setMaxLength(300)),
  )
  .addSubcommand((sub) =>
    sub
      .setName("review")
      .setDescription("Review facts proposed from sources' texts, one at a time: accept, edit, reject")
      .addStringOption((option) => option.setName("source").setDescription("Only this source's proposals").setAutocomplete(true).setMaxLength(80)),
  )
  .addSubcommand((sub) => sub.setName("gaps").setDescription("Most asked unanswered questions and most down-voted answers"))
  .addSubcommand((sub) => sub.setName("stats").setDescription("Questions asked, answer rate, feedback, most used facts"))
  .addSubcommand((sub) => sub.setName("export").setDescription("The whole fact base as a JSON file"))
  .addSubcommand((sub) =>
    sub
      .setName("import")
      .setDescription("Import a JSON file in the export's format (preview first)")
      .addAttachmentOption((option) => option.setName("file").setDescription("The JSON file").setRequired(true)),
  )
  .addSubcommandGroup((group) =>
    group
      .setName("sources")
      .setDescription("The articles facts quote")
      .addSubcommand((sub) =>
        sub
          .setName("add")
          .setDescription("Register a new source: a form, or a .txt file or link for longer texts (previewed first)")
          .addAttachmentOption((option) => option.setName("file").setDescription("The article's text as a UTF-8 .txt file (up to 200 KB)"))
          .addStringOption((option) => option.setName("url").setDescription("A link to the article (public web pages only)").setMaxLength(500))
          .addStringOption((option) => option.setName("title").setDescription("The title, if the file or page has none or a wrong one").setMaxLength(300))
          .addStringOption((option) => option.setName("publisher").setDescription("Who published it").setMaxLength(200))
          .addStringOption((option) => option.setName("date").setDescription("The date, as stated").setMaxLength(100)),
      ),
  )
  .addSubcommandGroup((group) =>
    group
      .setName("qa")
      .setDescription("Channels where the bot answers questions people post")
      .addSubcommand((sub) =>
        sub
          .setName("add")
          .setDescription("Answer questions in a channel or forum (or change how)")
          .addChannelOption((option) =>
            option.setName("channel").setDescription("A text, announcement, forum or media channel").setRequired(true).addChannelTypes(...QA_CHANNEL_TYPES),
          )
          .addStringOption((option) =>
            option
              .setName("mode")
              .setDescription("answer-only (default); always: also post \"no answer\"; shadow: post nothing, only count")
              .addChoices(...QA_MODES.map((mode) => ({ name: mode, value: mode }))),
          ),
      )
      .addSubcommand((sub) =>
        sub
          .setName("remove")
          .setDescription("Stop answering questions in a channel")
          .addChannelOption((option) => option.setName("channel").setDescription("The channel").setRequired(true).addChannelTypes(...QA_CHANNEL_TYPES)),
      )
      .addSubcommand((sub) => sub.setName("list").setDescription("The channels taking part, their modes, and the latest changes")),
  );

function moderatorVerdict(interaction: Interaction, context: BotContext) {
  const roleIds = memberRoleIds(interaction.member);
  return checkModerator({ guildId: interaction.guildId, permissions: interaction.memberPermissions?.bitfield ?? null, roleIds }, context.moderation);
}

function isModerator(interaction: Interaction, context: BotContext): boolean {
  return moderatorVerdict(interaction, context).allowed;
}

/** Refuses anyone who is not a moderator of an admin guild, privately (in their language) and in the log. */
async function refuseUnlessModerator(interaction: Interaction & RepliableInteraction, context: BotContext): Promise<boolean> {
  const verdict = moderatorVerdict(interaction, context);
  if (verdict.allowed) return false;
  context.log.warn({ userId: interaction.user.id, guildId: interaction.guildId, interactionId: interaction.id }, "moderation refused");
  const s = stringsFor(memberLocale(interaction));
  await respond(interaction, renderNotice(verdict.reason === "not-admin-server" ? s.notAdminServer : s.notModerator), { ephemeral: true });
  return true;
}

const actorOf = (interaction: Interaction) => `${interaction.user.username} (${interaction.user.id})`;

async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<Outcome> {
  if (await refuseUnlessModerator(interaction, context)) return "refused";
  const { store } = context;
  const locale = memberLocale(interaction);
  const s = stringsFor(locale);
  const group = interaction.options.getSubcommandGroup(false);
  const sub = interaction.options.getSubcommand();
  if (group === "sources" && sub === "add") {
    if (interaction.options.getAttachment("file") || interaction.options.getString("url")) return previewSource(interaction, context);
    const given = (name: "title" | "publisher" | "date") => interaction.options.getString(name)?.trim() ?? "";
    await interaction.showModal(sourceModal(SOURCE_MODAL, { title: given("title"), publisher: given("publisher"), date: given("date") }, locale));
    return "answered";
  }
  if (group === "qa") return manageQaChannels(interaction, context, sub, locale);
  const findFactOrRefuse = async (): Promise<Fact | undefined> => {
    const id = interaction.options.getString("id", true).trim();
    const fact = store.fact(id);
    if (!fact) await respond(interaction, renderNotice(s.noSuchFact(truncate(id.replace(/`/g, "'"), 80))), { ephemeral: true });
    return fact;
  };
  switch (sub) {
    case "add": {
      const [source] = store.sources();
      await interaction.showModal(factModal(ADD_MODAL, s.addFactTitle, source ? { source: `${source.id}\n` } : {}, locale));
      return "answered";
    }
    case "edit": {
      const fact = await findFactOrRefuse();
      if (!fact) return "refused";
      const values = factFormValues(fact);
      const tooLong = inputsTooLong(values, locale);
      if (tooLong.length > 0) {
        await respond(interaction, renderNotice(s.tooLongForForm(fact.id, tooLong.join(", "))), { ephemeral: true });
        return "refused";
      }
      await interaction.showModal(factModal(`${EDIT_MODAL}${fact.id}:${fact.revision}`, s.editFactTitle(fact.id), values, locale));
      return "answered";
    }
    case "retire":
    case "restore": {
      const fact = await findFactOrRefuse();
      if (!fact) return "refused";
      const reason = interaction.options.getString("reason") ?? null;
      const result = sub === "retire" ? store.retire(fact.id, actorOf(interaction), reason ?? "") : store.restore(fact.id, actorOf(interaction), reason);
      return finishWrite(interaction, context, result, sub === "retire" ? "retired" : "restored");
    }
    case "revert": {
      const fact = await findFactOrRefuse();
      if (!fact) return "refused";
      const result = store.revert(fact.id, interaction.options.getInteger("revision", true), actorOf(interaction), interaction.options.getString("reason"));
      return finishWrite(interaction, context, result, "reverted");
    }
    case "history": {
      const fact = await findFactOrRefuse();
      if (!fact) return "refused";
      await respond(interaction, renderHistory(fact, store.history(fact.id), locale), { ephemeral: true });
      return "answered";
    }
    case "gaps":
      context.asks.flush();
      await respond(interaction, renderGaps(store.feedback.gaps(), locale), { ephemeral: true });
      return "answered";
    case "stats":
      context.asks.flush();
      await respond(interaction, renderStats(usageReport(store), locale), { ephemeral: true });
      return "answered";
    case "export": {
      const file = { name: `trade-facts-${new Date().toISOString().slice(0, 10)}.json`, content: `${JSON.stringify(store.snapshot(), null, 2)}\n` };
      await respond(interaction, { content: s.exportDone, files: [file] }, { ephemeral: true });
      return "answered";
    }
    case "import":
      return previewImport(interaction, context, locale);
    case "review":
      return startReview(interaction, context);
    case "translate":
      return startTranslation(interaction, context);
    default:
      throw new Error(`unknown subcommand ${sub}`);
  }
}

async function manageQaChannels(interaction: ChatInputCommandInteraction, context: BotContext, sub: string, locale: ReplyLocale): Promise<Outcome> {
  const { qa } = context.store;
  const s = stringsFor(locale);
  if (sub === "list") {
    await respond(interaction, renderQaChannels(qa.channels(), qa.changes(10), context.qaChannelIdsFromEnv, locale), { ephemeral: true });
    return "answered";
  }
  const channel = interaction.options.getChannel("channel", true);
  const mention = `<#${channel.id}>`;
  if (sub === "remove") {
    const removed = qa.removeChannel(channel.id, actorOf(interaction));
    const fromEnv = context.qaChannelIdsFromEnv.includes(channel.id) ? [s.qaAlsoInEnv] : [];
    await respond(interaction, renderNotice(sentences(locale, removed ? s.qaNoLongerTakesPart(mention) : s.qaWasNotTakingPart(mention), ...fromEnv)), { ephemeral: true });
    return removed ? "answered" : "refused";
  }
  const mode = (interaction.options.getString("mode") ?? "answer-only") as QaMode;
  if (!QA_MODES.includes(mode)) {
    await respond(interaction, renderNotice(s.qaNoSuchMode(truncate(mode, 40), QA_MODES.join(", "))), { ephemeral: true });
    return "refused";
  }
  const result = qa.setChannel(channel.id, interaction.guildId ?? "", mode, actorOf(interaction));
  const said = { added: s.qaChannelAdded, changed: s.qaChannelModeChanged, unchanged: s.qaChannelModeSame }[result](mention, mode);
  await respond(interaction, renderNotice(sentences(locale, said, s.qaNeedsIntent)), { ephemeral: true });
  return "answered";
}

async function previewImport(interaction: ChatInputCommandInteraction, context: BotContext, locale: ReplyLocale): Promise<Outcome> {
  const s = stringsFor(locale);
  const file = interaction.options.getAttachment("file", true);
  if (file.size > MAX_IMPORT_BYTES) {
    await respond(interaction, renderNotice(s.importTooBig(Math.round(file.size / 1024), MAX_IMPORT_BYTES / 1024 / 1024)), { ephemeral: true });
    return "refused";
  }
  await interaction.deferReply({ flags: "Ephemeral" });
  const response = await fetch(file.url);
  if (!response.ok) throw new Error(`could not download the attachment: HTTP ${response.status}`);
  const parsed = parseFactBaseText(await response.text(), file.name);
  if (!parsed.ok) {
    const lines = parsed.error.map((problem) => `• ${problem.line ? s.atLine(problem.line) : ""}${problem.subject}, ${problem.field}: ${problem.reason}`);
    await respond(interaction, renderNotice([s.importProblems(file.name, lines.length), ...lines].join("\n")));
    return "refused";
  }
  const plan = context.store.imports.plan(parsed.value);
  if (!plan.ok) {
    await respond(interaction, renderNotice(describeStoreError(plan.error, s)));
    return "refused";
  }
  const key = imports.put({ base: parsed.value, fingerprint: plan.value.fingerprint });
  await respond(interaction, renderImportPlan(plan.value, key, locale));
  return "answered";
}

async function handleComponent(component: MessageComponentInteraction, context: BotContext): Promise<Outcome> {
  if (!component.isButton()) throw new Error(`unknown component ${component.customId}`);
  const interaction = component;
  if (await refuseUnlessModerator(interaction, context)) return "refused";
  const { customId } = interaction;
  const locale = memberLocale(interaction);
  const s = stringsFor(locale);
  const handled = (await decideSource(interaction, context, actorOf(interaction))) ?? (await reviewButton(interaction, context, actorOf(interaction))) ?? (await translateButton(interaction, context, actorOf(interaction)));
  if (handled) return handled;
  if (customId.startsWith(DRAFT_BUTTON)) {
    const draft = drafts.get(customId.slice(DRAFT_BUTTON.length));
    if (!draft) {
      await respond(interaction, renderNotice(s.draftExpired), { ephemeral: true });
      return "refused";
    }
    if (draft.kind === "source") {
      await interaction.showModal(sourceModal(SOURCE_MODAL, draft.values, locale));
      return "answered";
    }
    if (draft.kind === "proposal") {
      await interaction.showModal(editModal(draft.proposalId, draft.scope, draft.values, locale));
      return "answered";
    }
    if (draft.kind === "translation") return reopenTranslation(interaction, context, draft);
    const target = draft.target;
    await interaction.showModal(factModal(target ? `${EDIT_MODAL}${target.id}:${target.revision}` : ADD_MODAL, target ? s.editFactTitle(target.id) : s.addFactTitle, draft.values, locale));
    return "answered";
  }
  if (customId.startsWith(IMPORT_CANCEL)) {
    imports.take(customId.slice(IMPORT_CANCEL.length));
    await respond(interaction, { ...renderNotice(s.importCancelled), components: [] }, { update: true });
    return "answered";
  }
  const applyButton = IMPORT_APPLY_BUTTONS.find(([prefix]) => customId.startsWith(prefix));
  if (applyButton) {
    const [prefix, onConflict] = applyButton;
    const pending = imports.take(customId.slice(prefix.length));
    if (!pending) {
      await respond(interaction, renderNotice(s.importExpired), { ephemeral: true });
      return "refused";
    }
    const result = context.store.imports.apply(pending.base, pending.fingerprint, actorOf(interaction), onConflict);
    if (!result.ok) {
      await respond(interaction, { ...renderNotice(describeStoreError(result.error, s)), embeds: [], components: [] }, { update: true });
      return "refused";
    }
    context.syncEngine();
    await respond(interaction, renderImported(result.value, onConflict, locale), { update: true });
    return "answered";
  }
  throw new Error(`unknown component ${customId}`);
}

async function handleModal(interaction: ModalSubmitInteraction, context: BotContext): Promise<Outcome> {
  if (await refuseUnlessModerator(interaction, context)) return "refused";
  const locale = memberLocale(interaction);
  const s = stringsFor(locale);
  const reviewed = await reviewModal(interaction, context, actorOf(interaction), (draft) => drafts.put({ kind: "proposal", ...draft }));
  if (reviewed) return reviewed;
  const translated = await translateModal(interaction, context, actorOf(interaction), (draft) => drafts.put({ kind: "translation", ...draft }));
  if (translated) return translated;
  if (interaction.customId === SOURCE_MODAL) {
    const values = readModal(interaction, SOURCE_FORM);
    const { draft, problems } = parseSourceForm(values, locale);
    const result = draft ? context.store.addSource(draft, actorOf(interaction)) : undefined;
    if (!result?.ok) {
      const storeProblems = result && !result.ok && result.error.kind === "invalid" ? formProblems(result.error.problems, (field) => sourceInputOf(field, locale)) : [];
      const shown = { values, labels: s.sourceFormLabels };
      await respond(interaction, renderDraftProblems([...problems, ...storeProblems], shown, drafts.put({ kind: "source", values }), locale), { ephemeral: true });
      return "refused";
    }
    context.syncEngine();
    await respond(interaction, renderSourceAdded(result.value, context.store.proposals.pendingCounts().get(result.value.id) ?? 0, locale), { ephemeral: true });
    return "answered";
  }
  const target = interaction.customId.startsWith(EDIT_MODAL) ? parseEditTarget(interaction.customId.slice(EDIT_MODAL.length)) : undefined;
  const values = readModal(interaction, FACT_FORM);
  const shown = { values, labels: s.factFormLabels };
  const labelOf = (field: string) => inputOf(field, locale);
  const { draft, problems } = parseFactForm(values, locale);
  if (!draft) {
    const all = [...problems, ...formProblems(claimProblemsOfForm(values, context), labelOf)];
    await respond(interaction, renderDraftProblems(all, shown, drafts.put({ kind: "fact", ...(target ? { target } : {}), values }), locale), { ephemeral: true });
    return "refused";
  }
  const actor = actorOf(interaction);
  const result = target ? context.store.edit(target.id, draft, target.revision, actor, "edited in Discord") : context.store.create(draft, actor, "added in Discord");
  if (!result.ok) {
    const { error } = result;
    if (error.kind === "conflict") {
      const key = drafts.put({ kind: "fact", target: { id: error.current.id, revision: error.current.revision }, values });
      await respond(interaction, renderConflict(error.current, error.since, values, key, locale), { ephemeral: true });
    } else if (error.kind === "invalid") {
      await respond(interaction, renderDraftProblems(formProblems(error.problems, labelOf), shown, drafts.put({ kind: "fact", ...(target ? { target } : {}), values }), locale), { ephemeral: true });
    } else {
      await respond(interaction, renderNotice(describeStoreError(error, s)), { ephemeral: true });
    }
    return "refused";
  }
  context.syncEngine();
  const engine = context.engine();
  await respond(interaction, { ...renderFact(result.value, engine.base, locale), ...renderSaved(result.value, target ? "saved" : "added", locale) }, { ephemeral: true });
  return "answered";
}

async function finishWrite(
  interaction: ChatInputCommandInteraction,
  context: BotContext,
  result: ReturnType<BotContext["store"]["retire"]>,
  written: keyof Strings["factWritten"],
): Promise<Outcome> {
  const locale = memberLocale(interaction);
  if (!result.ok) {
    await respond(interaction, renderNotice(describeStoreError(result.error, stringsFor(locale))), { ephemeral: true });
    return "refused";
  }
  context.syncEngine();
  await respond(interaction, renderSaved(result.value, written, locale), { ephemeral: true });
  return "answered";
}

function describeStoreError(error: StoreError, s: Strings): string {
  switch (error.kind) {
    case "invalid":
      return s.notSavedProblems(error.problems.map((problem) => `${problem.subject}, ${problem.field}: ${problem.reason}`).join("; "));
    case "not-found":
      return error.revision === undefined ? s.noSuchFact(error.id) : s.noSuchRevision(error.id, error.revision);
    case "unchanged":
      return s.nothingToChange(error.fact.id, error.fact.revision, s.factStatuses[error.fact.status]);
    case "conflict":
      return s.changedMeanwhile(error.current.id, error.current.revision);
    case "stale-plan":
      return s.importStale;
    case "unresolved-conflicts":
      return s.importUnresolved(error.conflicts.length);
  }
}

/** The source checks of a form that failed its own checks, so every problem is reported at once. */
function claimProblemsOfForm(values: FactFormValues, context: BotContext): Problem[] {
  const sourceId = values.source.split("\n")[0]?.trim() ?? "";
  if (!sourceId || !values.quote.trim()) return [];
  const source = context.store.sources().find((candidate) => candidate.id === sourceId);
  return claimProblems("draft", { statement: values.statement, quote: values.quote, sourceId }, source);
}

function parseEditTarget(rest: string): { id: string; revision: number } {
  const at = rest.lastIndexOf(":");
  return { id: rest.slice(0, at), revision: Number(rest.slice(at + 1)) };
}

/** Fact ids, retired ones included, from the engine's memory; nothing for anyone who is not a moderator. */
async function autocomplete(interaction: AutocompleteInteraction, context: BotContext): Promise<void> {
  if (!isModerator(interaction, context)) {
    await interaction.respond([]);
    return;
  }
  const focused = interaction.options.getFocused(true);
  const typed = focused.value.trim().toLowerCase();
  const s = stringsFor(memberLocale(interaction));
  if (focused.name === "source") {
    const pending = context.store.proposals.pendingCounts();
    const choices = context.store
      .sources()
      .map((source) => ({ source, count: pending.get(source.id) ?? 0 }))
      .filter(({ source, count }) => count > 0 && `${source.id} ${source.title}`.toLowerCase().includes(typed));
    await interaction.respond(
      choices.slice(0, LIMITS.autocompleteChoices).map(({ source, count }) => ({ name: truncate(`${source.id} — ${s.toReview(count)} — ${source.title}`, LIMITS.choiceName), value: source.id })),
    );
    return;
  }
  const facts = context.engine().base.facts;
  const starts = facts.filter((fact) => fact.id.startsWith(typed));
  const contains = facts.filter((fact) => !fact.id.startsWith(typed) && `${fact.id} ${fact.statement}`.toLowerCase().includes(typed));
  await interaction.respond(
    [...starts, ...contains].slice(0, LIMITS.autocompleteChoices).map((fact) => ({
      name: truncate(`${fact.status === "retired" ? `${s.retiredTag} ` : ""}${fact.id} — ${fact.statement}`, LIMITS.choiceName),
      value: fact.id,
    })),
  );
}

export const tradeAdminCommand: CommandModule = {
  definition: definition.toJSON(),
  execute: (interaction, context) => {
    if (!interaction.isChatInputCommand()) throw new Error("/trade-admin is a slash command");
    return execute(interaction, context);
  },
  autocomplete,
  componentPrefix: "admin:",
  handleComponent,
  handleModal,
};
