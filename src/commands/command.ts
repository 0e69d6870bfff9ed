import type {
  AutocompleteInteraction,
  CommandInteraction,
  MessageComponentInteraction,
  RESTPostAPIApplicationCommandsJSONBody,
} from "discord.js";
import type { Logger } from "pino";
import type { Cooldown } from "../discord/cooldown.js";
import type { Engine } from "../knowledge/engine.js";

/** How an interaction ended, for the one log line each interaction gets. */
export type Outcome = "answered" | "abstained" | "refused" | "error";

/** What command handlers may use: nothing of the process, only these. */
export interface BotContext {
  /** The engine serving now (it is swapped when facts change: read it per interaction). */
  engine(): Engine;
  askCooldown: Cooldown;
  log: Logger;
}

export interface CommandModule {
  definition: RESTPostAPIApplicationCommandsJSONBody;
  execute(interaction: CommandInteraction, context: BotContext): Promise<Outcome>;
  autocomplete?(interaction: AutocompleteInteraction, context: BotContext): Promise<void>;
  /** Components whose custom id starts with this prefix are routed to `handleComponent`. */
  componentPrefix?: string;
  handleComponent?(interaction: MessageComponentInteraction, context: BotContext): Promise<Outcome>;
}
