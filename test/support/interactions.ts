import { randomBytes } from "node:crypto";
import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  ChannelType,
  ComponentType,
  InteractionContextType,
  InteractionType,
  Locale,
  MessageType,
  PermissionFlagsBits,
  type APIActionRowComponent,
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandInteractionDataOption,
  type APIChatInputApplicationCommandInteraction,
  type APIComponentInMessageActionRow,
  type APIInteractionGuildMember,
  type APIMessage,
  type APIMessageApplicationCommandInteraction,
  type APIMessageComponentInteraction,
  type APIModalSubmitInteraction,
  type APIUser,
  type GuildMemberFlags,
  type MessageFlags,
} from "discord.js";

/** Fixed ids used whenever a test does not choose its own; FakeDiscord uses the same defaults. */
export const FAKE_IDS = {
  applicationId: "1100000000000000001",
  botUserId: "1100000000000000002",
  guildId: "1100000000000000003",
  channelId: "1100000000000000004",
  userId: "1100000000000000005",
} as const;

const BOT_USERNAME = "trade-facts-bot";

/** An ordinary member: can talk and use commands, moderates nothing. */
const MEMBER_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.UseApplicationCommands;

const APP_PERMISSIONS = MEMBER_PERMISSIONS | PermissionFlagsBits.EmbedLinks;

const DISCORD_EPOCH = 1420070400000n;
let lastSnowflake = 0n;

/** A snowflake that is unique and increasing within this process. */
export function snowflake(): string {
  const now = (BigInt(Date.now()) - DISCORD_EPOCH) << 22n;
  lastSnowflake = now > lastSnowflake ? now : lastSnowflake + 1n;
  return lastSnowflake.toString();
}

/** The shard Discord sends a guild's events to: `(guild_id >> 22) % shardCount`. */
export function shardForGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** A new guild id (unique and increasing, like snowflake()) whose events go to shard `shard` of `shardCount`. */
export function guildIdOnShard(shard: number, shardCount: number): string {
  const id = BigInt(snowflake());
  const count = BigInt(shardCount);
  const step = (BigInt(shard) - ((id >> 22n) % count) + count) % count;
  lastSnowflake = id + (step << 22n);
  return lastSnowflake.toString();
}

/** Interaction tokens never contain "/" because they are embedded in REST paths. */
function interactionToken(): string {
  return `fake-${randomBytes(24).toString("base64url")}`;
}

export function user(id: string, username = `user-${id.slice(-4)}`): APIUser {
  return { id, username, discriminator: "0", global_name: null, avatar: null };
}

export function botUser(id: string = FAKE_IDS.botUserId): APIUser {
  return { ...user(id, BOT_USERNAME), bot: true };
}

/** A complete message object, as Discord returns it; discord.js parses every field it relies on. */
export function messagePayload(fields: Partial<APIMessage> = {}): APIMessage {
  return {
    id: snowflake(),
    channel_id: FAKE_IDS.channelId,
    author: botUser(),
    content: "",
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    type: MessageType.Default,
    flags: 0 as MessageFlags,
    ...fields,
  };
}

export interface InteractionContext {
  applicationId?: string;
  /** null means the interaction comes from a DM with the bot. */
  guildId?: string | null;
  channelId?: string;
  userId?: string;
  /** The member's permission bitfield (guild only). */
  permissions?: bigint | string;
  roles?: string[];
  /** The member's Discord language (en-US unless given). */
  locale?: Locale;
}

type Envelope = Pick<
  APIChatInputApplicationCommandInteraction,
  | "id"
  | "application_id"
  | "token"
  | "version"
  | "app_permissions"
  | "locale"
  | "entitlements"
  | "authorizing_integration_owners"
  | "context"
  | "attachment_size_limit"
  | "channel"
  | "channel_id"
  | "guild_id"
  | "guild_locale"
  | "member"
  | "user"
>;

/** The fields every interaction carries; the discord.js constructors throw without several of them. */
function envelope(ctx: InteractionContext): Envelope {
  const guildId = ctx.guildId === undefined ? FAKE_IDS.guildId : ctx.guildId;
  const channelId = ctx.channelId ?? FAKE_IDS.channelId;
  const author = user(ctx.userId ?? FAKE_IDS.userId);
  const common = {
    id: snowflake(),
    application_id: ctx.applicationId ?? FAKE_IDS.applicationId,
    token: interactionToken(),
    version: 1 as const,
    app_permissions: APP_PERMISSIONS.toString(),
    locale: ctx.locale ?? Locale.EnglishUS,
    entitlements: [],
    attachment_size_limit: 10 * 1024 * 1024,
    channel_id: channelId,
  };
  if (guildId === null) {
    return {
      ...common,
      user: author,
      context: InteractionContextType.BotDM,
      authorizing_integration_owners: { [ApplicationIntegrationType.UserInstall]: author.id },
      channel: { id: channelId, type: ChannelType.DM },
    };
  }
  return {
    ...common,
    guild_id: guildId,
    guild_locale: Locale.EnglishUS,
    member: member(author, ctx),
    context: InteractionContextType.Guild,
    authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: guildId },
    channel: { id: channelId, type: ChannelType.GuildText },
  };
}

function member(author: APIUser, ctx: InteractionContext): APIInteractionGuildMember {
  return {
    user: author,
    roles: ctx.roles ?? [],
    permissions: (ctx.permissions ?? MEMBER_PERMISSIONS).toString(),
    joined_at: new Date(0).toISOString(),
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    nick: null,
    avatar: null,
    banner: null,
    premium_since: null,
    pending: false,
    communication_disabled_until: null,
  };
}

type CommandOptions = APIApplicationCommandInteractionDataOption[];

/** A top-level slash command, e.g. chatInput("trade", [{ name: "ask", type: 1, options: [...] }]). */
export function chatInput(
  name: string,
  options: CommandOptions = [],
  ctx: InteractionContext = {},
): APIChatInputApplicationCommandInteraction {
  return {
    ...envelope(ctx),
    type: InteractionType.ApplicationCommand,
    data: { id: snowflake(), name, type: ApplicationCommandType.ChatInput, options },
  };
}

/** Same shape as chatInput; mark the option being typed with `focused: true`. */
export function autocomplete(
  name: string,
  options: CommandOptions,
  ctx: InteractionContext = {},
): APIApplicationCommandAutocompleteInteraction {
  return {
    ...envelope(ctx),
    type: InteractionType.ApplicationCommandAutocomplete,
    data: { id: snowflake(), name, type: ApplicationCommandType.ChatInput, options },
  };
}

export interface TargetMessage {
  id: string;
  content: string;
  author: APIUser;
}

export function messageContextMenu(
  name: string,
  target: TargetMessage,
  ctx: InteractionContext = {},
): APIMessageApplicationCommandInteraction {
  const base = envelope(ctx);
  const message = messagePayload({ ...target, channel_id: base.channel_id });
  return {
    ...base,
    type: InteractionType.ApplicationCommand,
    data: {
      id: snowflake(),
      name,
      type: ApplicationCommandType.Message,
      target_id: target.id,
      resolved: { messages: { [target.id]: message } },
    },
  };
}

export interface ComponentInput {
  componentType: ComponentType.Button | ComponentType.StringSelect;
  /** The chosen options of a string select. */
  values?: string[];
  /** The message carrying the component; by default a bot message holding just that component. */
  message?: APIMessage;
}

export function component(
  customId: string,
  input: ComponentInput,
  ctx: InteractionContext = {},
): APIMessageComponentInteraction {
  const base = envelope(ctx);
  const values = input.values ?? [];
  const data =
    input.componentType === ComponentType.StringSelect
      ? { custom_id: customId, component_type: ComponentType.StringSelect as const, values }
      : { custom_id: customId, component_type: ComponentType.Button as const };
  const message =
    input.message ??
    messagePayload({ channel_id: base.channel_id, components: [componentRow(customId, input.componentType, values)] });
  return { ...base, type: InteractionType.MessageComponent, data, message };
}

function componentRow(
  customId: string,
  type: ComponentInput["componentType"],
  values: string[],
): APIActionRowComponent<APIComponentInMessageActionRow> {
  const inner: APIComponentInMessageActionRow =
    type === ComponentType.StringSelect
      ? {
          type,
          custom_id: customId,
          options: (values.length > 0 ? values : ["option"]).map((value) => ({ label: value, value })),
        }
      : { type, custom_id: customId, style: 1, label: customId };
  return { type: ComponentType.ActionRow, components: [inner] };
}

/** A modal made of text inputs, one action row each, keyed by the inputs' custom ids. */
export function modalSubmit(
  customId: string,
  fields: Record<string, string>,
  ctx: InteractionContext = {},
): APIModalSubmitInteraction {
  const components = Object.entries(fields).map(([id, value]) => ({
    type: ComponentType.ActionRow as const,
    components: [{ type: ComponentType.TextInput as const, custom_id: id, value }],
  }));
  return {
    ...envelope(ctx),
    type: InteractionType.ModalSubmit,
    data: { custom_id: customId, components },
  };
}
