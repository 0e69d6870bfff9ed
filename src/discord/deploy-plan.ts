import { Routes, type RESTPostAPIApplicationCommandsJSONBody } from "discord.js";
import { PUBLIC_COMMANDS } from "../commands/index.js";

/** Where each list of commands goes: one bulk PUT per scope, and an empty PUT to clear the scope not used. */
export interface DeployPlan {
  route: `/${string}`;
  scope: string;
  body: RESTPostAPIApplicationCommandsJSONBody[];
}

export function planDeployment({ clientId, devGuildId, global }: { clientId: string; devGuildId?: string; global: boolean }): DeployPlan[] {
  const commands = PUBLIC_COMMANDS.map((command) => command.definition);
  if (devGuildId && !global) {
    return [
      { route: Routes.applicationGuildCommands(clientId, devGuildId), scope: `guild ${devGuildId}`, body: commands },
      { route: Routes.applicationCommands(clientId), scope: "global", body: [] },
    ];
  }
  return [
    { route: Routes.applicationCommands(clientId), scope: "global", body: commands },
    ...(devGuildId ? [{ route: Routes.applicationGuildCommands(clientId, devGuildId), scope: `guild ${devGuildId}`, body: [] }] : []),
  ];
}
