import type {
  AutocompleteInteraction,
  CommandInteraction,
  MessageComponentInteraction,
  ModalSubmitInteraction,
  RESTPostAPIApplicationCommandsJSONBody,
} from "discord.js";
import type { Logger } from "pino";
import type { CooldownVerdict } from "./cooldown.js";
import type { ModerationPolicy } from "./moderation-access.js";
import type { Engine } from "../knowledge/engine.js";
import type { FactStore } from "../knowledge/store/fact-store.js";
import type { BotMetrics } from "../observability/metrics.js";
import type { PageLimits } from "../sources/fetch-page.js";
import type { AskRecorder } from "./ask-recorder.js";

/** How an interaction ended, for the one log line each interaction gets. */
export type Outcome = "answered" | "abstained" | "refused" | "error";

/** Questions per user: kept in this process, or by the shard manager for every shard (hence it may answer later). */
export interface AskCooldown {
  take(userId: string): CooldownVerdict | Promise<CooldownVerdict>;
}

/** What command handlers may use: nothing of the process, only these. */
export interface BotContext {
  /** The engine serving now (it is swapped when facts change: read it per interaction). */
  engine(): Engine;
  store: FactStore;
  /** Brings the engine up to date with the store's committed changes (built aside, then swapped in). */
  syncEngine(): void;
  askCooldown: AskCooldown;
  /** Counters the handlers feed (answered or abstained, failed store writes). */
  metrics: BotMetrics;
  /** Counts questions for stats and gaps, in batches: flush it before reading them. */
  asks: AskRecorder;
  moderation: ModerationPolicy;
  /** Channels the operator opted in to Q&A in QA_CHANNEL_IDS (moderators add others in the database). */
  qaChannelIdsFromEnv: readonly string[];
  /** Around answers posted unasked: the role "Ask a human" pings, and the forum tag "Solved" applies. */
  qa: { helperRoleId: string | undefined; solvedTag: string };
  /** How articles are fetched for `/trade-admin sources add url:` (private addresses only where tests allow them). */
  sourceFetch: PageLimits;
  log: Logger;
}

export interface CommandModule {
  definition: RESTPostAPIApplicationCommandsJSONBody;
  execute(interaction: CommandInteraction, context: BotContext): Promise<Outcome>;
  autocomplete?(interaction: AutocompleteInteraction, context: BotContext): Promise<void>;
  /** Components and modals whose custom id starts with this prefix are routed to this module. */
  componentPrefix?: string;
  handleComponent?(interaction: MessageComponentInteraction, context: BotContext): Promise<Outcome>;
  handleModal?(interaction: ModalSubmitInteraction, context: BotContext): Promise<Outcome>;
}
