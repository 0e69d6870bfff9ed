import { parseArgs } from "node:util";
import { REST } from "discord.js";
import { BotEnvSchema, loadDotenvFile, parseEnv } from "./config.js";
import { COMMANDS } from "./commands/index.js";
import { planDeployment } from "./discord/deploy-plan.js";

async function main(): Promise<void> {
  let global: boolean;
  try {
    global = parseArgs({ options: { global: { type: "boolean" } } }).values.global ?? false;
  } catch {
    process.stderr.write("deploy-commands: the only option is --global. Usage: npm run deploy-commands [-- --global].\n");
    process.exit(2);
  }
  loadDotenvFile();
  const env = parseEnv(BotEnvSchema.pick({ DISCORD_TOKEN: true, DISCORD_CLIENT_ID: true, DISCORD_API_URL: true, DEV_GUILD_ID: true, ADMIN_GUILD_IDS: true }));
  if (!env.ok) {
    process.stderr.write(`${env.error.join("\n")}\n`);
    process.exit(1);
  }
  const { DISCORD_TOKEN, DISCORD_CLIENT_ID, DISCORD_API_URL, DEV_GUILD_ID, ADMIN_GUILD_IDS } = env.value;
  const rest = new REST(DISCORD_API_URL ? { api: DISCORD_API_URL } : {}).setToken(DISCORD_TOKEN);
  for (const { route, scope, body } of planDeployment(COMMANDS, { clientId: DISCORD_CLIENT_ID, devGuildId: DEV_GUILD_ID, adminGuildIds: ADMIN_GUILD_IDS, global })) {
    try {
      await rest.put(route, { body });
    } catch (error) {
      const { status, message } = error as { status?: number; message: string };
      const hint = status === 401 ? "Discord refused the token: check DISCORD_TOKEN" : message;
      process.stderr.write(`deploy-commands: could not register the ${scope} commands: ${hint}\n`);
      process.exit(1);
    }
    process.stdout.write(body.length > 0 ? `Registered ${body.map((command) => command.name).join(", ")} (${scope}).\n` : `Cleared the ${scope} commands.\n`);
  }
  if (DEV_GUILD_ID && !global) process.stdout.write("Guild commands show up at once; run with --global when you are ready for every server.\n");
  else process.stdout.write("Global commands can take up to an hour to show up everywhere.\n");
}

await main();
