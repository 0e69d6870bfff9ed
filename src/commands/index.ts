import { askTradeBotCommand } from "./ask-trade-bot.js";
import type { CommandModule } from "./command.js";
import { tradeCommand } from "./trade.js";

/** The commands every member can use, wherever the app is installed. */
export const PUBLIC_COMMANDS: readonly CommandModule[] = [tradeCommand, askTradeBotCommand];
