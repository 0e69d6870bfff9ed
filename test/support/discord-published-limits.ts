/**
 * Discord's published limits (its API docs; shared/notes/discord-limits.md) that its OpenAPI description does not
 * encode. The spec itself already holds, as maxLength/maxItems: content 2,000 in interaction replies and webhook
 * messages, 10 embeds and each part of an embed, 25 autocomplete choices (names 1-100), a modal's title 45, a text
 * input's label 45 and value 4,000, 5 components (buttons) in an action row, custom ids 100; a command's names 1-32 and
 * descriptions 1-100, in every language, and choice names 1-100.
 */

export interface FieldError {
  /** The field, from the request body down ("data", "content"); empty for the body itself. */
  path: string[];
  code: string;
  message: string;
}

const CALLBACK = "POST /interactions/{interaction_id}/{interaction_token}/callback";
const MESSAGE_OPERATIONS = new Set([
  "POST /webhooks/{webhook_id}/{webhook_token}",
  "PATCH /webhooks/{webhook_id}/{webhook_token}/messages/@original",
  "PATCH /webhooks/{webhook_id}/{webhook_token}/messages/{message_id}",
  "POST /channels/{channel_id}/messages",
  "PATCH /channels/{channel_id}/messages/{message_id}",
]);

const CHANNEL_MESSAGE_WITH_SOURCE = 4;
const UPDATE_MESSAGE = 7;
const MODAL = 9;
/** Components V2 messages may hold up to 40 components of any kind; the spec's limit is that one. */
const IS_COMPONENTS_V2 = 1 << 15;

const MAX_CONTENT = 2000;
const MAX_EMBEDS_TOTAL = 6000;
const MAX_ACTION_ROWS = 5;
const MAX_MODAL_COMPONENTS = 5;

const COMMAND_REGISTRATIONS = new Set(["PUT /applications/{application_id}/commands", "PUT /applications/{application_id}/guilds/{guild_id}/commands"]);
const CHAT_INPUT = 1;
const MAX_COMMAND_SIZE = 8000;
/** Discord's docs, Application Commands → Application Command Naming, for CHAT_INPUT commands and every option. */
const CHAT_INPUT_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
/** The keys a localization dictionary may have: Discord's docs, Reference → Locales. */
const DISCORD_LOCALES = new Set([
  "id", "da", "de", "en-GB", "en-US", "es-ES", "es-419", "fr", "hr", "it", "lt", "hu", "nl", "no", "pl", "pt-BR",
  "ro", "fi", "sv-SE", "vi", "tr", "cs", "el", "bg", "ru", "uk", "hi", "th", "zh-CN", "ja", "zh-TW", "ko",
]);

type Body = Record<string, unknown>;

interface Embed {
  title?: string | null;
  description?: string | null;
  fields?: { name: string; value: string }[] | null;
  footer?: { text?: string | null } | null;
  author?: { name?: string | null } | null;
}

/** The published limits this request body breaks, for an operation the spec already accepted it for. */
export function publishedLimitBreaches(operation: string, body: unknown): FieldError[] {
  if (MESSAGE_OPERATIONS.has(operation)) return messageBreaches(body, []);
  if (COMMAND_REGISTRATIONS.has(operation) && Array.isArray(body)) return body.flatMap((command, i) => commandBreaches(command, [String(i)]));
  if (operation !== CALLBACK || !isObject(body)) return [];
  if (body.type === CHANNEL_MESSAGE_WITH_SOURCE || body.type === UPDATE_MESSAGE) return messageBreaches(body.data, ["data"]);
  if (body.type === MODAL) return modalBreaches(body.data, ["data"]);
  return [];
}

function messageBreaches(message: unknown, at: string[]): FieldError[] {
  if (!isObject(message)) return [];
  const breaches: FieldError[] = [];
  // The spec allows 4,000 in a channel message (a Nitro user's limit); a bot's message holds 2,000.
  if (typeof message.content === "string" && length(message.content) > MAX_CONTENT) {
    breaches.push(tooLong([...at, "content"], MAX_CONTENT));
  }
  // "The combined sum of characters in all title, description, field.name, field.value, footer.text, and
  // author.name fields across all embeds attached to a message must not exceed 6000 characters."
  const embeds = Array.isArray(message.embeds) ? (message.embeds as Embed[]) : [];
  if (embeds.reduce((sum, embed) => sum + embedLength(embed), 0) > MAX_EMBEDS_TOTAL) {
    breaches.push({ path: [...at, "embeds"], code: "BASE_TYPE_MAX_LENGTH", message: `Embed size exceeds maximum size of ${MAX_EMBEDS_TOTAL}` });
  }
  // A message without the Components V2 flag holds at most 5 action rows.
  const components = Array.isArray(message.components) ? message.components : [];
  const v2 = typeof message.flags === "number" && (message.flags & IS_COMPONENTS_V2) !== 0;
  if (!v2 && components.length > MAX_ACTION_ROWS) breaches.push(tooLong([...at, "components"], MAX_ACTION_ROWS));
  return breaches;
}

/** A modal holds 1 to 5 components (the spec allows 40). */
function modalBreaches(modal: unknown, at: string[]): FieldError[] {
  const components = isObject(modal) && Array.isArray(modal.components) ? modal.components : [];
  return components.length > MAX_MODAL_COMPONENTS ? [tooLong([...at, "components"], MAX_MODAL_COMPONENTS)] : [];
}

interface CommandNode {
  type?: number;
  name?: string;
  name_localizations?: Record<string, string | null> | null;
  description?: string | null;
  description_localizations?: Record<string, string | null> | null;
  options?: CommandNode[] | null;
  choices?: CommandNode[] | null;
  value?: unknown;
}

/**
 * The rules of Discord's docs (Application Commands) that the spec does not encode: localization keys are locales
 * Discord has; a slash command's names and its options' match the naming pattern and use the lowercase of any letter
 * that has one; among the options of one level, a localized name is no other option's default name, nor another's
 * name in that locale; and a slash command counts at most 8,000 characters of names, descriptions and choice values,
 * each field by its longest localization. Discord's codes for an unknown locale and a repeated option name are not
 * published: those two codes are ours.
 */
function commandBreaches(command: unknown, at: string[]): FieldError[] {
  if (!isObject(command)) return [];
  const node = command as CommandNode;
  const breaches = localeBreaches(node, at);
  if ((node.type ?? CHAT_INPUT) !== CHAT_INPUT) return breaches;
  breaches.push(...chatInputBreaches(node, at));
  if (commandCharacters(node) > MAX_COMMAND_SIZE) {
    breaches.push({ path: at, code: "APPLICATION_COMMAND_TOO_LARGE", message: `Command exceeds maximum size (${MAX_COMMAND_SIZE})` });
  }
  return breaches;
}

function localeBreaches(node: CommandNode, at: string[]): FieldError[] {
  const breaches: FieldError[] = [];
  for (const field of ["name_localizations", "description_localizations"] as const) {
    for (const locale of Object.keys(node[field] ?? {})) {
      if (!DISCORD_LOCALES.has(locale)) breaches.push({ path: [...at, field, locale], code: "LOCALE_UNKNOWN", message: `${locale} is not a Discord locale` });
    }
  }
  (node.options ?? []).forEach((option, i) => breaches.push(...localeBreaches(option, [...at, "options", String(i)])));
  (node.choices ?? []).forEach((choice, i) => breaches.push(...localeBreaches(choice, [...at, "choices", String(i)])));
  return breaches;
}

function chatInputBreaches(node: CommandNode, at: string[]): FieldError[] {
  const breaches: FieldError[] = [];
  const invalid = { code: "APPLICATION_COMMAND_INVALID_NAME", message: "Command name is invalid" };
  if (!validChatInputName(node.name ?? "")) breaches.push({ path: [...at, "name"], ...invalid });
  for (const [locale, name] of Object.entries(node.name_localizations ?? {})) {
    if (name !== null && !validChatInputName(name)) breaches.push({ path: [...at, "name_localizations", locale], ...invalid });
  }
  const options = node.options ?? [];
  breaches.push(...repeatedOptionNames(options, [...at, "options"]));
  options.forEach((option, i) => breaches.push(...chatInputBreaches(option, [...at, "options", String(i)])));
  return breaches;
}

function validChatInputName(name: string): boolean {
  return CHAT_INPUT_NAME.test(name) && !/[\p{Lu}\p{Lt}]/u.test(name);
}

/** In each locale an option is called by its localized name, or by its default name where it has none. */
function repeatedOptionNames(options: CommandNode[], at: string[]): FieldError[] {
  const breaches: FieldError[] = [];
  const defaults = options.map((option) => option.name);
  const locales = new Set(options.flatMap((option) => Object.keys(option.name_localizations ?? {})));
  for (const locale of locales) {
    const seen = new Set<string>();
    options.forEach((option, i) => {
      const localized = option.name_localizations?.[locale] ?? undefined;
      const shown = localized ?? option.name ?? "";
      const takenByDefault = localized !== undefined && localized !== option.name && defaults.includes(localized);
      if (seen.has(shown) || takenByDefault) {
        breaches.push({ path: [...at, String(i), "name_localizations", locale], code: "APPLICATION_COMMAND_OPTION_NAME_REPEATED", message: `${shown} is already an option name here` });
      }
      seen.add(shown);
    });
  }
  return breaches;
}

function commandCharacters(node: CommandNode): number {
  const longest = (value: string | null | undefined, localizations: Record<string, string | null> | null | undefined) =>
    Math.max(length(value), ...Object.values(localizations ?? {}).map((text) => length(text)));
  let total = longest(node.name, node.name_localizations) + longest(node.description, node.description_localizations);
  if (typeof node.value === "string" || typeof node.value === "number") total += length(String(node.value));
  for (const child of [...(node.options ?? []), ...(node.choices ?? [])]) total += commandCharacters(child);
  return total;
}

function embedLength(embed: Embed): number {
  const fields = (embed.fields ?? []).reduce((sum, field) => sum + length(field.name) + length(field.value), 0);
  return length(embed.title) + length(embed.description) + fields + length(embed.footer?.text) + length(embed.author?.name);
}

/** Characters as the spec's maxLength counts them (JSON Schema counts code points, not UTF-16 units). */
function length(text: string | null | undefined): number {
  return Array.from(text ?? "").length;
}

function tooLong(path: string[], max: number): FieldError {
  return { path, code: "BASE_TYPE_MAX_LENGTH", message: `Must be ${max} or fewer in length.` };
}

function isObject(value: unknown): value is Body {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
