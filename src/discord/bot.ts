import { Client, Events, GatewayIntentBits } from "discord.js";
import type { Logger } from "pino";
import type { BotConfig } from "../config.js";
import type { EngineSync } from "../knowledge/engine-sync.js";
import type { LiveEngine } from "../knowledge/live-engine.js";
import type { FactStore } from "../knowledge/store/fact-store.js";
import type { CommandModule } from "./command-contract.js";
import { createCooldown } from "./cooldown.js";
import { createInteractionRouter } from "./interaction-router.js";

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
}

export interface BotDependencies {
  config: BotConfig;
  log: Logger;
  engine: LiveEngine;
  store: FactStore;
  engineSync: EngineSync;
  /** The commands to answer: members' and moderators'. */
  commands: { public: readonly CommandModule[]; admin: readonly CommandModule[] };
  /** Called once when the connection is lost for good; the process should end non-zero. */
  onFatal: (reason: string) => void;
}

/** Connects to Discord and answers interactions; rejects with a readable error when it cannot log in in time. */
export async function startBot({ config, log, engine, store, engineSync, commands, onFatal }: BotDependencies): Promise<RunningBot> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    ...(config.DISCORD_API_URL ? { rest: { api: config.DISCORD_API_URL } } : {}),
  });
  const router = createInteractionRouter([...commands.public, ...commands.admin], {
    engine: () => engine.current,
    store,
    syncEngine: () => engineSync.sync(),
    askCooldown: createCooldown({ uses: config.ASK_COOLDOWN_USES, windowMs: config.ASK_COOLDOWN_SECONDS * 1000 }),
    moderation: { adminGuildIds: config.ADMIN_GUILD_IDS, modRoleIds: config.MOD_ROLE_IDS },
    qaChannelIdsFromEnv: config.QA_CHANNEL_IDS,
    log,
  });

  client.on(Events.InteractionCreate, (interaction) => router.dispatch(interaction));
  client.on(Events.Error, (error) => log.error({ err: error }, "discord client error"));
  client.on(Events.ShardReconnecting, (shardId) => log.warn({ shardId }, "gateway connection lost; reconnecting"));
  client.on(Events.ShardResume, (shardId, replayed) => log.info({ shardId, replayed }, "gateway connection resumed"));
  client.on(Events.ShardDisconnect, ({ code }, shardId) => {
    const reason = FATAL_CLOSE_CODES.get(code);
    log.error({ shardId, code }, `gateway closed the connection (${reason ?? "not resumable"})`);
    if (reason) onFatal(`Discord closed the connection with code ${code}: ${reason}`);
  });

  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  try {
    await withTimeout(
      client.login(config.DISCORD_TOKEN).then(() => ready),
      config.LOGIN_TIMEOUT_SECONDS * 1000,
      `Discord did not answer within ${config.LOGIN_TIMEOUT_SECONDS} s (gateway unreachable?)`,
    );
  } catch (error) {
    await client.destroy();
    throw new Error(describeLoginError(error, config.DISCORD_API_URL ?? "https://discord.com/api"), { cause: error });
  }
  log.info({ user: client.user?.tag, commands: commands.public.map((command) => command.definition.name) }, "ready");

  return {
    async stop(graceMs) {
      client.removeAllListeners(Events.InteractionCreate);
      await router.drain(graceMs);
      await client.destroy();
    },
  };
}

function describeLoginError(error: unknown, apiUrl: string): string {
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
