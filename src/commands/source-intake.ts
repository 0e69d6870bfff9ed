import type { Attachment, ButtonInteraction, ChatInputCommandInteraction } from "discord.js";
import { Pending } from "../discord/pending.js";
import { problemsLine } from "../knowledge/validate.js";
import { respond } from "../discord/reply.js";
import { renderNotice } from "../discord/render.js";
import { renderSourceAdded, renderSourcePreview, SOURCE_CANCEL, SOURCE_CONFIRM } from "../discord/render-admin.js";
import { SourceDraftSchema, type SourceDraft } from "../knowledge/store/fact-store.js";
import { memberLocale } from "../i18n/locale.js";
import { commandName } from "../i18n/slash.js";
import { stringsFor } from "../i18n/strings.js";
import { ok, type Result } from "../result.js";
import { articleTextFromBytes, MAX_ARTICLE_BYTES } from "../knowledge/source-text.js";
import { downloadAttachment } from "../sources/download-attachment.js";
import { fetchArticle } from "../sources/fetch-article.js";
import type { BotContext, Outcome } from "../discord/command-contract.js";

const PENDING_MS = 15 * 60_000;
/** A source read from a file or a link, shown to the moderator, stored only on their confirm. */
const previews = new Pending<SourceDraft>(PENDING_MS);

/**
 * `/trade-admin sources add` with a `.txt` file or a `url`: reads the text, checks it like any source text, and
 * shows the moderator its title, length and first lines with Add and Cancel buttons. Nothing is stored here.
 */
export async function previewSource(interaction: ChatInputCommandInteraction, context: BotContext): Promise<Outcome> {
  const file = interaction.options.getAttachment("file");
  const url = interaction.options.getString("url")?.trim();
  const locale = memberLocale(interaction);
  const s = stringsFor(locale);
  const refuse = async (message: string): Promise<Outcome> => {
    await respond(interaction, renderNotice(message), { ephemeral: true });
    return "refused";
  };
  if (file && url) return refuse(s.sourceFileOrUrl);
  if (file) {
    if (!/\.txt$/i.test(file.name)) return refuse(s.sourceNotTxt(file.name));
    // Discord's announced size, so a large file is refused without downloading it; the text rules count the bytes again.
    if (file.size > MAX_ARTICLE_BYTES) return refuse(s.sourceTooBig(file.name, Math.ceil(file.size / 1024), MAX_ARTICLE_BYTES / 1024));
  }
  await interaction.deferReply({ flags: "Ephemeral" });
  const read = file ? await readAttachment(file, context) : await readLink(url ?? "", context);
  if (!read.ok) return refuse(read.error);
  const option = (name: string) => interaction.options.getString(name)?.trim() || null;
  const draft: SourceDraft = {
    ...read.value,
    title: option("title") ?? read.value.title,
    publisher: option("publisher") ?? read.value.publisher,
    date: option("date") ?? read.value.date,
  };
  if (!draft.title) return refuse(s.sourceNoTitle(commandName("trade-admin sources add title", locale)));
  const invalid = SourceDraftSchema.safeParse(draft).error?.issues[0];
  if (invalid) return refuse(s.sourceInvalid(invalid.path.join("."), invalid.message));
  await respond(interaction, renderSourcePreview(draft, previews.put(draft), Boolean(file), locale));
  return "answered";
}

/** The preview's buttons: Add stores the source (the only write), Cancel drops it. Undefined for other buttons. */
export async function decideSource(interaction: ButtonInteraction, context: BotContext, actor: string): Promise<Outcome | undefined> {
  const { customId } = interaction;
  const locale = memberLocale(interaction);
  const s = stringsFor(locale);
  if (customId.startsWith(SOURCE_CANCEL)) {
    previews.take(customId.slice(SOURCE_CANCEL.length));
    await respond(interaction, { ...renderNotice(s.sourceCancelled), embeds: [], components: [] }, { update: true });
    return "answered";
  }
  if (!customId.startsWith(SOURCE_CONFIRM)) return undefined;
  const draft = previews.take(customId.slice(SOURCE_CONFIRM.length));
  if (!draft) {
    await respond(interaction, renderNotice(s.sourcePreviewExpired), { ephemeral: true });
    return "refused";
  }
  // Storing a long article and proposing its facts can outlast Discord's 3 s to answer a click: acknowledge first.
  await interaction.deferUpdate();
  const result = context.store.addSource(draft, actor);
  if (!result.ok) {
    const reason = result.error.kind === "invalid" ? problemsLine(result.error.problems) : result.error.kind;
    await respond(interaction, { ...renderNotice(s.sourceNotAdded(reason)), embeds: [], components: [] }, { update: true });
    return "refused";
  }
  context.syncEngine();
  await respond(interaction, { ...renderSourceAdded(result.value, context.store.proposals.pendingCounts().get(result.value.id) ?? 0, locale), embeds: [], components: [] }, { update: true });
  return "answered";
}

async function readAttachment(file: Attachment, context: BotContext): Promise<Result<SourceDraft, string>> {
  const bytes = await downloadAttachment(file.url, file.name, context.sourceFetch.timeoutMs);
  if (!bytes.ok) return bytes;
  const text = articleTextFromBytes(bytes.value, file.name);
  if (!text.ok) return text;
  const firstLine = text.value.split("\n", 1)[0]!.trim();
  const title = firstLine.length <= 200 && !/[.!?]$/.test(firstLine) ? firstLine : file.name.replace(/\.txt$/i, "");
  return ok({ title, publisher: null, url: null, date: null, dateNote: null, text: text.value });
}

async function readLink(url: string, context: BotContext): Promise<Result<SourceDraft, string>> {
  const article = await fetchArticle(url, context.sourceFetch);
  if (!article.ok) return article;
  const { title, siteName, publishedTime, text } = article.value;
  const date = publishedTime && /^\d{4}-\d{2}-\d{2}/.test(publishedTime) ? publishedTime.slice(0, 10) : null;
  return ok({ title: title ?? "", publisher: siteName, url: article.value.url, date, dateNote: null, text });
}
