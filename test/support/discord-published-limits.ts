/**
 * Discord's published limits (its API docs; shared/notes/discord-limits.md) that its OpenAPI description does not
 * encode. The spec itself already holds, as maxLength/maxItems: content 2,000 in interaction replies and webhook
 * messages, 10 embeds and each part of an embed, 25 autocomplete choices (names 1-100), a modal's title 45, a text
 * input's label 45 and value 4,000, 5 components (buttons) in an action row, custom ids 100.
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
