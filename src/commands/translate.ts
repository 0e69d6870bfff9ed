import {
  ButtonStyle,
  ComponentType,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type ModalSubmitInteraction,
  type SlashCommandSubcommandBuilder,
} from "discord.js";
import type { MessagePayload } from "../discord/limits.js";
import { readModal } from "../discord/modal-values.js";
import { Pending } from "../discord/pending.js";
import { respond } from "../discord/reply.js";
import { renderFact, renderNotice } from "../discord/render.js";
import { renderDraftProblems } from "../discord/render-admin.js";
import { parseTranslationForm, TRANSLATION_FORM, translationFormValues, translationInputsTooLong, translationModal, type TranslationFormValues } from "../discord/translation-form.js";
import { memberLocale } from "../i18n/locale.js";
import { stringsFor, type Strings } from "../i18n/strings.js";
import { TRANSLATION_LOCALES, type TranslationLocale } from "../knowledge/schema.js";
import type { StoreError } from "../knowledge/store/fact-store.js";
import { problemsLine } from "../knowledge/validate.js";
import { truncate } from "../truncate.js";
import type { BotContext, Outcome } from "../discord/command-contract.js";

/** The form's custom id: `admin:tr:<ru|zh>:<fact id>:<revision>` (a fact id of 80 characters still fits Discord's 100). */
const TRANSLATE_MODAL = "admin:tr:";
const REMOVE_BUTTON = "admin:tr-remove:";
const KEEP_BUTTON = "admin:tr-keep:";
const PENDING_MS = 15 * 60_000;
const LOCALE_CODES: Record<TranslationLocale, string> = { ru: "ru", "zh-CN": "zh" };
const LOCALE_NAMES: Record<TranslationLocale, string> = { ru: "Russian (ru)", "zh-CN": "Chinese, Simplified (zh-CN)" };

/** A translation form handed back, and the revision of the fact it applies to. */
export interface TranslationDraft {
  id: string;
  locale: TranslationLocale;
  revision: number;
  values: TranslationFormValues;
}

/** Keeps a draft for the Reopen button (the add and edit forms' drafts, in trade-admin), returning its key. */
export type SaveTranslationDraft = (draft: TranslationDraft) => string;

/** A removal awaiting its confirm button. */
const removals = new Pending<{ id: string; locale: TranslationLocale; revision: number; reason: string }>(PENDING_MS);

export const translateSubcommand = (sub: SlashCommandSubcommandBuilder) =>
  sub
    .setName("translate")
    .setDescription("Translate a fact into Russian or Chinese (opens the form, filled in with the translation if any)")
    .addStringOption((option) => option.setName("id").setDescription("The fact").setRequired(true).setAutocomplete(true).setMaxLength(80))
    .addStringOption((option) =>
      option
        .setName("locale")
        .setDescription("The language to translate into")
        .setRequired(true)
        .addChoices(...TRANSLATION_LOCALES.map((locale) => ({ name: LOCALE_NAMES[locale], value: locale }))),
    );

/** `/trade-admin translate id locale`: the form for that language, filled in with the fact's translation if it has one. */
export async function startTranslation(interaction: ChatInputCommandInteraction, context: BotContext): Promise<Outcome> {
  const ui = memberLocale(interaction);
  const s = stringsFor(ui);
  const id = interaction.options.getString("id", true).trim();
  const locale = interaction.options.getString("locale", true);
  if (!isTranslationLocale(locale)) return refuse(interaction, s.translationUnknownLanguage(truncate(locale.replace(/`/g, "'"), 20)));
  const fact = context.store.fact(id);
  if (!fact) return refuse(interaction, s.noSuchFact(truncate(id.replace(/`/g, "'"), 80)));
  const values = translationFormValues(fact, locale);
  const tooLong = translationInputsTooLong(values, ui);
  if (tooLong.length > 0) return refuse(interaction, s.translationTooLong(fact.id, tooLong.join(", ")));
  await interaction.showModal(translationModal(modalId(fact.id, locale, fact.revision), fact, locale, values, ui));
  return "answered";
}

/** Reopens a draft handed back, on the revision it now applies to. */
export async function reopenTranslation(interaction: ButtonInteraction, context: BotContext, draft: TranslationDraft): Promise<Outcome> {
  const fact = context.store.fact(draft.id);
  if (!fact) return refuse(interaction, stringsFor(memberLocale(interaction)).noSuchFact(draft.id));
  await interaction.showModal(translationModal(modalId(draft.id, draft.locale, draft.revision), fact, draft.locale, draft.values, memberLocale(interaction)));
  return "answered";
}

/**
 * The submitted form: saves the translation as a new revision, or asks to confirm its removal when the statement
 * is empty. A translation that misstates the English, or a fact changed since the form opened, is handed back as a
 * draft and nothing is stored. Undefined for other forms.
 */
export async function translateModal(interaction: ModalSubmitInteraction, context: BotContext, actor: string, saveDraft: SaveTranslationDraft): Promise<Outcome | undefined> {
  const target = parseModalId(interaction.customId);
  if (!target) return undefined;
  const ui = memberLocale(interaction);
  const s = stringsFor(ui);
  const language = s.translationLanguages[target.locale];
  const fact = context.store.fact(target.id);
  if (!fact) return refuse(interaction, s.noSuchFact(target.id));
  const values = readModal(interaction, TRANSLATION_FORM);
  const reason = values.reason.trim() || `translation ${target.locale}`;
  const handBack = async (problems: { input: string; reason: string }[], revision = target.revision): Promise<Outcome> => {
    await respond(interaction, renderDraftProblems(problems, { values, labels: s.translationFormLabels }, saveDraft({ ...target, revision, values }), ui), { ephemeral: true });
    return "refused";
  };
  const submission = parseTranslationForm(values, fact, target.locale, ui);
  if (submission.kind === "invalid") return handBack(submission.problems);
  if (submission.kind === "remove") {
    if (!fact.translations?.[target.locale]) return refuse(interaction, s.translationNothingToRemove(language, fact.id));
    const key = removals.put({ ...target, reason });
    await respond(interaction, renderRemovalConfirm(s, language, fact.id, key), { ephemeral: true });
    return "answered";
  }
  const result = context.store.translate(target.id, target.locale, submission.translation, target.revision, actor, reason);
  if (result.ok) {
    context.syncEngine();
    await respond(interaction, { ...renderFact(result.value, context.engine().base, target.locale), content: s.translationSaved(language, fact.id, result.value.revision) }, { ephemeral: true });
    return "answered";
  }
  const { error } = result;
  if (error.kind === "conflict") {
    const last = error.since.at(-1);
    const changed = s.translationChanged(error.current.id, error.current.revision, last?.actor ?? error.current.updatedBy, (last?.at ?? error.current.updatedAt).slice(0, 16).replace("T", " "));
    return handBack([{ input: s.fact, reason: changed }], error.current.revision);
  }
  if (error.kind === "invalid") return handBack(error.problems.map((problem) => ({ input: s.fact, reason: `${problem.field}: ${problem.reason}` })));
  return refuse(interaction, describe(error, s, language, target.id));
}

/** The removal's confirm and keep buttons. Undefined for other buttons. */
export async function translateButton(interaction: ButtonInteraction, context: BotContext, actor: string): Promise<Outcome | undefined> {
  const prefix = [REMOVE_BUTTON, KEEP_BUTTON].find((candidate) => interaction.customId.startsWith(candidate));
  if (!prefix) return undefined;
  const s = stringsFor(memberLocale(interaction));
  const removal = removals.take(interaction.customId.slice(prefix.length));
  if (!removal) return refuse(interaction, s.translationConfirmExpired);
  const language = s.translationLanguages[removal.locale];
  const finish = async (content: string, outcome: Outcome): Promise<Outcome> => {
    await respond(interaction, { content, embeds: [], components: [] }, { update: true });
    return outcome;
  };
  if (prefix === KEEP_BUTTON) return finish(s.translationKept(language, removal.id), "answered");
  const result = context.store.translate(removal.id, removal.locale, null, removal.revision, actor, removal.reason);
  if (!result.ok) {
    const { error } = result;
    return finish(error.kind === "conflict" ? s.translationChangedNothingRemoved(removal.id, error.current.revision) : describe(error, s, language, removal.id), "refused");
  }
  context.syncEngine();
  return finish(s.translationRemoved(language, removal.id, result.value.revision), "answered");
}

function renderRemovalConfirm(s: Strings, language: string, id: string, key: string): MessagePayload {
  return {
    content: s.translationConfirmRemove(language, id),
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          { type: ComponentType.Button, style: ButtonStyle.Danger, label: s.translationRemove, custom_id: `${REMOVE_BUTTON}${key}` },
          { type: ComponentType.Button, style: ButtonStyle.Secondary, label: s.translationKeep, custom_id: `${KEEP_BUTTON}${key}` },
        ],
      },
    ],
  };
}

function describe(error: Exclude<StoreError, { kind: "conflict" }>, s: Strings, language: string, id: string): string {
  if (error.kind === "unchanged") return s.translationUnchanged(language, id);
  if (error.kind === "invalid") return problemsLine(error.problems);
  return s.noSuchFact(id);
}

async function refuse(interaction: ChatInputCommandInteraction | ButtonInteraction | ModalSubmitInteraction, message: string): Promise<Outcome> {
  await respond(interaction, renderNotice(message), { ephemeral: true });
  return "refused";
}

const isTranslationLocale = (value: string): value is TranslationLocale => (TRANSLATION_LOCALES as readonly string[]).includes(value);

function modalId(id: string, locale: TranslationLocale, revision: number): string {
  return `${TRANSLATE_MODAL}${LOCALE_CODES[locale]}:${id}:${revision}`;
}

function parseModalId(customId: string): { id: string; locale: TranslationLocale; revision: number } | undefined {
  if (!customId.startsWith(TRANSLATE_MODAL)) return undefined;
  const [code, id, revision] = customId.slice(TRANSLATE_MODAL.length).split(":");
  const locale = TRANSLATION_LOCALES.find((candidate) => LOCALE_CODES[candidate] === code);
  if (!locale || !id || !revision) throw new Error(`malformed translation form id ${customId}`);
  return { id, locale, revision: Number(revision) };
}
