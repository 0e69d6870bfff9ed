import { askTradeBotCommand } from "./ask-trade-bot.js";
import type { CommandModule } from "../discord/command-contract.js";
import { localizeCommand } from "../i18n/commands/localize.js";
import { tradeCommand } from "./trade.js";
import { tradeAdminCommand } from "./trade-admin.js";

/** Each command with its names and descriptions in every language it is translated to. */
const localized = (command: CommandModule): CommandModule => ({ ...command, definition: localizeCommand(command.definition) });

/** The commands every member can use, wherever the app is installed. */
export const PUBLIC_COMMANDS: readonly CommandModule[] = [tradeCommand, askTradeBotCommand].map(localized);

/** The moderators' commands: registered only in the admin guilds, and checked again on every use. */
export const ADMIN_COMMANDS: readonly CommandModule[] = [tradeAdminCommand].map(localized);

/** Both lists, as the bot and deploy-commands take them. */
export const COMMANDS = { public: PUBLIC_COMMANDS, admin: ADMIN_COMMANDS } as const;
