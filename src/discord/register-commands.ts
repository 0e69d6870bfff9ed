import type { REST } from "discord.js";
import { commandProblems, problemLine } from "./command-rules.js";
import { planDeployment } from "./deploy-plan.js";

/** Where deploy-commands reports: progress to `out`, the one line that ends a failed run to `err`. */
export interface RegisterOutput {
  out(line: string): void;
  err(line: string): void;
}

/**
 * Checks every command against Discord's rules, in every language, before sending any (a refused command would leave
 * the scopes half registered), then sends each scope's list in one bulk PUT. The exit code: 0, or 1 after one line
 * saying what is wrong.
 */
export async function registerCommands(
  commands: Parameters<typeof planDeployment>[0],
  target: Parameters<typeof planDeployment>[1],
  rest: Pick<REST, "put">,
  output: RegisterOutput,
): Promise<0 | 1> {
  const [problem, ...more] = [...commands.public, ...commands.admin].flatMap((command) => commandProblems(command.definition));
  if (problem) {
    const others = more.length > 0 ? ` (and ${more.length} more)` : "";
    output.err(`deploy-commands: ${problemLine(problem)}${others}. Nothing was sent.`);
    return 1;
  }
  for (const { route, scope, body } of planDeployment(commands, target)) {
    try {
      await rest.put(route, { body });
    } catch (error) {
      const { status, message } = error as { status?: number; message: string };
      const hint = status === 401 ? "Discord refused the token: check DISCORD_TOKEN" : message;
      output.err(`deploy-commands: could not register the ${scope} commands: ${hint}`);
      return 1;
    }
    output.out(body.length > 0 ? `Registered ${body.map((command) => command.name).join(", ")} (${scope}).` : `Cleared the ${scope} commands.`);
  }
  output.out(
    target.devGuildId && !target.global
      ? "Guild commands show up at once; run with --global when you are ready for every server."
      : "Global commands can take up to an hour to show up everywhere.",
  );
  return 0;
}
