import type { ModalSubmitInteraction } from "discord.js";

/** The text typed into each of a form's inputs; an input Discord did not send (left empty) reads as "". */
export function readModal<Input extends string>(interaction: ModalSubmitInteraction, form: Record<Input, unknown>): Record<Input, string> {
  return Object.fromEntries(Object.keys(form).map((id) => [id, readInput(interaction, id)])) as Record<Input, string>;
}

/** One input's text, "" when Discord did not send it. */
export function readInput(interaction: ModalSubmitInteraction, id: string): string {
  try {
    return interaction.fields.getTextInputValue(id);
  } catch {
    return "";
  }
}
