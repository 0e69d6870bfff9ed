import { expect } from "vitest";
import { embedLength, LIMITS, limitViolations, type MessagePayload } from "../../src/discord/limits.js";

/** Discord's button label limit (its API docs), which `limitViolations` does not check. */
const BUTTON_LABEL = 80;

/** A rendered message within Discord's limits: what `limitViolations` checks, the 6,000 of all embeds, each field, and button labels. */
export function expectWithinLimits(payload: MessagePayload): void {
  expect(limitViolations(payload)).toEqual([]);
  const embeds = payload.embeds ?? [];
  expect(embeds.reduce((sum, embed) => sum + embedLength(embed), 0)).toBeLessThanOrEqual(LIMITS.embedsTotal);
  for (const embed of embeds) for (const field of embed.fields ?? []) expect(field.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
  expect(payload.content?.length ?? 0).toBeLessThanOrEqual(LIMITS.content);
  for (const row of payload.components ?? []) for (const component of row.components) if ("label" in component) expect(component.label?.length ?? 0).toBeLessThanOrEqual(BUTTON_LABEL);
}
