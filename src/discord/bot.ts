import { Client, Events, GatewayIntentBits, Partials, Status } from "discord.js";
import type { Logger } from "pino";
import type { BotConfig } from "../config.js";
import type { EngineSync } from "../knowledge/engine-sync.js";
import type { LiveEngine } from "../knowledge/live-engine.js";
import type { FactStore } from "../knowledge/store/fact-store.js";
import type { BotMetrics, GatewayShard } from "../observability/metrics.js";
import type { AskCooldown, CommandModule } from "./command-contract.js";
import { limitsAllowing } from "../sources/fetch-page.js";
import { createAskRecorder } from "./ask-recorder.js";
import { createInteractionRouter } from "./interaction-router.js";
import { createQaListener } from "./qa-listener.js";

/** Gateway close codes discord.js does not recover from: without handling, the bot stays connected but deaf. */
export const FATAL_CLOSE_CODES: ReadonlyMap<number, string> = new Map([
  [4004, "authentication failed: DISCORD_TOKEN is wrong or was reset"],
  [4010, "invalid shard"],
  [4011, "sharding required: the bot is in too many servers for one connection"],
  [4012, "invalid gateway API version"],
  [4013, "invalid intents"],
  [4014, "disallowed intents: the bot asks for an intent the application is not allowed"],
]);

export interface RunningBot {
  /** Finishes replies in flight (at most `graceMs`), then disconnects. */
  stop(graceMs: number): Promise<void>;
  /** Each gateway connection's status and ping, read now. */
  gateway(): GatewayShard[];
}

export interface BotDependencies {
  config: BotConfig;
  log: Logger;
  engine: LiveEngine;
  store: FactStore;
  engineSync: EngineSync;
  /** The commands to answer: members' and moderators'. */
  commands: { public: readonly CommandModule[]; admin: readonly CommandModule[] };
  /** Per-user limit on questions: this process's own, or the shard manager's, shared by every shard. */
  askCooldown: AskCooldown;
  metrics: BotMetrics;
  /** Called once when the connection is lost for good; the process should end non-zero. */
  onFatal: (reason: string) => void;
}

const DISALLOWED_INTENTS = 4014;
/** Seen before the first retry to fetch a new forum post's first message, and before the second. */
const STARTER_RETRY_DELAYS_MS = [1_000, 3_000];

/**
 * The gateway intents the bot asks for: servers and messages always (a message that @mentions the bot carries
 * its text without any privileged intent), and Message Content only while a channel takes part in Q&A.
 */
function intentsFor(readContent: boolean): GatewayIntentBits[] {
  return [
    GatewayIntentBits.Guilds,
    GatewayIntentBits.GuildMessages,
    GatewayIntentBits.DirectMessages,
    ...(readContent ? [GatewayIntentBits.MessageContent] : []),
  ];
}

/**
 * Connects to Discord and answers interactions, mentions and Q&A channels; rejects with a readable error when it
 * cannot log in in time. When Discord refuses the Message Content intent (close 4014), it connects again
 * without it and says which Developer Portal switch to turn on: mentions, forum titles and commands still work.
 */
export async function startBot({ config, log, engine, store, engineSync, commands, askCooldown, metrics, onFatal }: BotDependencies): Promise<RunningBot> {
  const asks = createAskRecorder({ feedback: store.feedback, log, metrics });
  const router = createInteractionRouter([...commands.public, ...commands.admin], {
    engine: () => engine.current,
    store,
    asks,
    syncEngine: () => engineSync.sync(),
    askCooldown,
    metrics,
    moderation: { adminGuildIds: config.ADMIN_GUILD_IDS, modRoleIds: config.MOD_ROLE_IDS },
    qaChannelIdsFromEnv: config.QA_CHANNEL_IDS,
    qa: { helperRoleId: config.QA_HELPER_ROLE_ID, solvedTag: config.QA_SOLVED_TAG },
    sourceFetch: limitsAllowing(config.ALLOW_PRIVATE_SOURCE_URLS),
    log,
  });
  /** The connected client, once login succeeds (the Q&A listener reads the bot's own id from it). */
  const connection: { client?: Client } = {};
  const qa = createQaListener({
    engine: () => engine.current,
    store,
    asks,
    log,
    metrics,
    botUserId: () => connection.client?.user?.id,
    settings: {
      channelIdsFromEnv: config.QA_CHANNEL_IDS,
      minConfidence: config.QA_MIN_CONFIDENCE,
      channelCooldownSeconds: config.QA_CHANNEL_COOLDOWN_SECONDS,
      helperRoleId: config.QA_HELPER_ROLE_ID,
      starterRetryDelaysMs: STARTER_RETRY_DELAYS_MS,
    },
  });
  const wantsContent = config.QA_CHANNEL_IDS.length > 0 || store.qa.channels().length > 0;

  const connect = async (readContent: boolean): Promise<Client> => {
    const next = new Client({
      intents: intentsFor(readContent),
      partials: [Partials.Channel],
      allowedMentions: { parse: [] },
      ...(config.DISCORD_API_URL ? { rest: { api: config.DISCORD_API_URL } } : {}),
    });
    next.on(Events.InteractionCreate, (interaction) => router.dispatch(interaction));
    next.on(Events.MessageCreate, (message) => void qa.onMessage(message));
    next.on(Events.ThreadCreate, (thread, newlyCreated) => void qa.onThreadCreate(thread, newlyCreated));
    next.on(Events.Error, (error) => log.error({ err: error }, "discord client error"));
    next.on(Events.ShardReconnecting, (shardId) => {
      metrics.gatewayReconnecting(shardId);
      log.warn({ shardId }, "gateway connection lost; reconnecting");
    });
    next.on(Events.ShardResume, (shardId, replayed) => {
      metrics.gatewayResumed(shardId);
      log.info({ shardId, replayed }, "gateway connection resumed");
    });
    let connected = false;
    next.once(Events.ClientReady, () => (connected = true));
    next.on(Events.ShardDisconnect, ({ code }, shardId) => {
      if (code === DISALLOWED_INTENTS && readContent && !connected) return;
      const reason = FATAL_CLOSE_CODES.get(code);
      log.error({ shardId, code }, `gateway closed the connection (${reason ?? "not resumable"})`);
      if (reason) onFatal(`Discord closed the connection with code ${code}: ${reason}`);
    });
    const ready = new Promise<void>((resolve) => next.once(Events.ClientReady, () => resolve()));
    try {
      await withTimeout(
        next.login(config.DISCORD_TOKEN).then(() => ready),
        config.LOGIN_TIMEOUT_SECONDS * 1000,
        `Discord did not answer within ${config.LOGIN_TIMEOUT_SECONDS} s (gateway unreachable?)`,
      );
    } catch (error) {
      await next.destroy();
      if (readContent && isDisallowedIntents(error)) {
        log.warn(
          "Discord refused the Message Content intent: Q&A channels will see only mentions and forum post titles. Switch it on in the Developer Portal (Bot → Privileged Gateway Intents → Message Content Intent) and restart.",
        );
        return connect(false);
      }
      throw new Error(describeLoginError(error, config.DISCORD_API_URL ?? "https://discord.com/api"), { cause: error });
    }
    return next;
  };

  const client = await connect(wantsContent);
  connection.client = client;
  log.info({ user: client.user?.tag, commands: commands.public.map((command) => command.definition.name) }, "ready");

  return {
    async stop(graceMs) {
      client.removeAllListeners(Events.InteractionCreate);
      client.removeAllListeners(Events.MessageCreate);
      client.removeAllListeners(Events.ThreadCreate);
      await router.drain(graceMs);
      asks.flush();
      client.removeAllListeners(Events.ShardReconnecting);
      client.removeAllListeners(Events.ShardDisconnect);
      await client.destroy();
    },
    gateway: () =>
      client.ws.shards.map((shard) => ({ id: shard.id, status: Status[shard.status], connected: shard.status === Status.Ready, pingMs: shard.ping })),
  };
}

function isDisallowedIntents(error: unknown): boolean {
  const { code, message } = error as { code?: string | number; message?: string };
  return code === DISALLOWED_INTENTS || code === "DisallowedIntents" || /disallowed intent|4014/i.test(message ?? "");
}

/** One readable line for a failed login or first call to Discord's API. */
export function describeLoginError(error: unknown, apiUrl: string): string {
  const { code, message } = error as { code?: string; message?: string };
  const cause = (error as { cause?: { code?: string } }).cause?.code;
  if (code === "TokenInvalid" || /401|Unauthorized|Authentication failed/i.test(message ?? "")) {
    return "Discord refused the token: check DISCORD_TOKEN in .env (Developer Portal → Bot → Reset Token)";
  }
  if (code === "ECONNREFUSED" || cause === "ECONNREFUSED" || /ECONNREFUSED|fetch failed|ENOTFOUND/.test(message ?? "")) {
    return `cannot reach Discord's API at ${apiUrl} (${cause ?? code ?? message})`;
  }
  return `could not log in to Discord: ${message ?? String(error)}`;
}

async function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
