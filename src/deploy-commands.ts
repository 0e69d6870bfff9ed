import { parseArgs } from "node:util";
import { REST } from "discord.js";
import { BotEnvSchema, loadDotenvFile, parseEnv } from "./config.js";
import { COMMANDS } from "./commands/index.js";
import { registerCommands } from "./discord/register-commands.js";

async function main(): Promise<number> {
  let global: boolean;
  try {
    global = parseArgs({ options: { global: { type: "boolean" } } }).values.global ?? false;
  } catch {
    process.stderr.write("deploy-commands: the only option is --global. Usage: npm run deploy-commands [-- --global].\n");
    return 2;
  }
  loadDotenvFile();
  const env = parseEnv(BotEnvSchema.pick({ DISCORD_TOKEN: true, DISCORD_CLIENT_ID: true, DISCORD_API_URL: true, DEV_GUILD_ID: true, ADMIN_GUILD_IDS: true }));
  if (!env.ok) {
    process.stderr.write(`${env.error.join("\n")}\n`);
    return 1;
  }
  const { DISCORD_TOKEN, DISCORD_CLIENT_ID, DISCORD_API_URL, DEV_GUILD_ID, ADMIN_GUILD_IDS } = env.value;
  const rest = new REST(DISCORD_API_URL ? { api: DISCORD_API_URL } : {}).setToken(DISCORD_TOKEN);
  return registerCommands(COMMANDS, { clientId: DISCORD_CLIENT_ID, devGuildId: DEV_GUILD_ID, adminGuildIds: ADMIN_GUILD_IDS, global }, rest, {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  });
}

process.exitCode = await main();
