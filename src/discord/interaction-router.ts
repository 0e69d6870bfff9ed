import { randomBytes } from "node:crypto";
import type { Interaction } from "discord.js";
import type { BotContext, CommandModule, Outcome } from "./command-contract.js";
import { respond } from "./reply.js";
import { renderNotice } from "./render.js";
import { memberLocale } from "../i18n/locale.js";
import { slashCommand } from "../i18n/slash.js";
import { stringsFor } from "../i18n/strings.js";

export interface InteractionRouter {
  /** Handles one interaction in the background; never throws, never rejects. */
  dispatch(interaction: Interaction): void;
  /** Waits for the interactions in flight, at most `timeoutMs`. */
  drain(timeoutMs: number): Promise<void>;
}

/**
 * Routes each interaction to its command module, logs one line for it (command, outcome, latency) and counts it.
 * A handler that throws never takes the bot down: the user gets an ephemeral "something went wrong (ref …)", in
 * their Discord language, and the log gets the error with the same reference.
 */
export function createInteractionRouter(commands: readonly CommandModule[], context: BotContext): InteractionRouter {
  const byName = new Map(commands.map((command) => [command.definition.name, command]));
  const inFlight = new Set<Promise<void>>();
  const { log } = context;

  async function route(interaction: Interaction): Promise<Outcome | "suggested"> {
    if (interaction.isAutocomplete()) {
      const command = byName.get(interaction.commandName);
      if (command?.autocomplete) await command.autocomplete(interaction, context);
      else await interaction.respond([]);
      return "suggested";
    }
    const locale = memberLocale(interaction);
    if (interaction.isCommand()) {
      const command = byName.get(interaction.commandName);
      if (command) return command.execute(interaction, context);
      await respond(interaction, renderNotice(stringsFor(locale).unknownCommand(slashCommand("trade help", locale))), { ephemeral: true });
      return "refused";
    }
    if (interaction.isMessageComponent() || interaction.isModalSubmit()) {
      const command = commands.find((candidate) => candidate.componentPrefix && interaction.customId.startsWith(candidate.componentPrefix));
      if (interaction.isMessageComponent() && command?.handleComponent) return command.handleComponent(interaction, context);
      if (interaction.isModalSubmit() && command?.handleModal) return command.handleModal(interaction, context);
      await respond(interaction, renderNotice(stringsFor(locale).staleComponent), { ephemeral: true });
      return "refused";
    }
    return "refused";
  }

  async function handle(interaction: Interaction): Promise<void> {
    const started = performance.now();
    const fields = describe(interaction);
    let outcome: Outcome | "suggested";
    try {
      outcome = await route(interaction);
    } catch (error) {
      outcome = "error";
      const ref = randomBytes(4).toString("hex");
      log.error({ err: error, ref, ...fields }, "interaction failed");
      if (interaction.isRepliable()) {
        const s = stringsFor(memberLocale(interaction));
        await respond(interaction, renderNotice(s.somethingWentWrong(ref)), { ephemeral: true }).catch(
          (replyError: unknown) => log.warn({ err: replyError, ref, ...fields }, "could not tell the user about the failure"),
        );
      } else if (interaction.isAutocomplete() && !interaction.responded) {
        await interaction.respond([]).catch(() => undefined);
      }
    }
    const latencyMs = Math.round((performance.now() - started) * 10) / 10;
    context.metrics.interactionHandled(metricName(interaction), outcome, latencyMs);
    if (outcome === "suggested") log.debug({ ...fields, latencyMs }, "autocomplete");
    else log.info({ ...fields, outcome, latencyMs }, "interaction");
  }

  /** `trade ask`, `trade-admin qa add`, `Ask trade bot`, `trade:vote`: one of ours, or "unknown", so no input can grow the label set. */
  function metricName(interaction: Interaction): string {
    if (interaction.isCommand() || interaction.isAutocomplete()) {
      if (!byName.has(interaction.commandName)) return "unknown";
      if (!interaction.isChatInputCommand() && !interaction.isAutocomplete()) return interaction.commandName;
      return [interaction.commandName, interaction.options.getSubcommandGroup(false), interaction.options.getSubcommand(false)].filter(Boolean).join(" ");
    }
    if (interaction.isMessageComponent() || interaction.isModalSubmit()) {
      const known = commands.some((command) => command.componentPrefix && interaction.customId.startsWith(command.componentPrefix));
      return known ? interaction.customId.split(":").slice(0, 2).join(":") : "unknown";
    }
    return "unknown";
  }

  return {
    dispatch(interaction) {
      const running = handle(interaction).catch((error: unknown) => log.error({ err: error }, "interaction handler crashed"));
      inFlight.add(running);
      void running.finally(() => inFlight.delete(running));
    },
    async drain(timeoutMs) {
      if (inFlight.size > 0) log.info({ inFlight: inFlight.size, timeoutMs }, "waiting for replies in flight");
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
      await Promise.race([Promise.allSettled([...inFlight]), timeout]);
      clearTimeout(timer);
    },
  };
}

function describe(interaction: Interaction): Record<string, string | undefined> {
  const base = { interactionId: interaction.id, guildId: interaction.guildId ?? undefined };
  if (interaction.isChatInputCommand() || interaction.isAutocomplete()) {
    return { ...base, command: interaction.commandName, subcommand: interaction.options.getSubcommand(false) ?? undefined };
  }
  if (interaction.isCommand()) return { ...base, command: interaction.commandName };
  if (interaction.isMessageComponent() || interaction.isModalSubmit()) return { ...base, component: interaction.customId.split(":").slice(0, 2).join(":") };
  return base;
}
