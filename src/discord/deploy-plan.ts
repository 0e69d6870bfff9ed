import { Routes, type RESTPostAPIApplicationCommandsJSONBody } from "discord.js";
import type { CommandModule } from "./command-contract.js";

/** Where each list of commands goes: one bulk PUT per scope, and an empty PUT to clear a scope not used. */
export interface DeployPlan {
  route: `/${string}`;
  scope: string;
  body: RESTPostAPIApplicationCommandsJSONBody[];
}

/**
 * Public commands go to the dev guild while testing (instant), else globally, and the other scope is cleared so
 * no command shows twice. Moderator commands go only to the admin guilds, guild-scoped.
 */
export function planDeployment(
  commands: { public: readonly CommandModule[]; admin: readonly CommandModule[] },
  { clientId, devGuildId, adminGuildIds = [], global }: { clientId: string; devGuildId?: string; adminGuildIds?: readonly string[]; global: boolean },
): DeployPlan[] {
  const publicCommands = commands.public.map((command) => command.definition);
  const adminCommands = commands.admin.map((command) => command.definition);
  const publicInDevGuild = devGuildId !== undefined && !global;
  const guilds = new Map<string, RESTPostAPIApplicationCommandsJSONBody[]>();
  if (devGuildId) guilds.set(devGuildId, publicInDevGuild ? [...publicCommands] : []);
  for (const guildId of adminGuildIds) guilds.set(guildId, [...(guilds.get(guildId) ?? []), ...adminCommands]);
  return [
    { route: Routes.applicationCommands(clientId), scope: "global", body: publicInDevGuild ? [] : publicCommands },
    ...[...guilds].map(([guildId, body]) => ({ route: Routes.applicationGuildCommands(clientId, guildId), scope: `guild ${guildId}`, body })),
  ].sort((a, b) => b.body.length - a.body.length);
}
