import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed } from "discord.js";
import { truncate } from "../truncate.js";

/** Discord's message limits (shared/notes/discord-limits.md). */
export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  embedsTotal: 6000,
  selectOptions: 25,
  selectOptionLabel: 100,
  selectOptionDescription: 100,
  customId: 100,
  autocompleteChoices: 25,
  choiceName: 100,
} as const;

/** What every reply carries: text, embeds and components, as Discord's API takes them, and text files. */
export interface MessagePayload {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
  files?: { name: string; content: string }[];
}

/** The characters Discord counts towards the 6,000 shared by a message's embeds. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

/**
 * The payload cut to Discord's limits: each part to its own limit, then, while the embeds together are
 * too long, the last embed's description, then its field values, then the last embed itself.
 */
export function fitToLimits(payload: MessagePayload): MessagePayload {
  const embeds = payload.embeds?.slice(0, LIMITS.embeds).map(fitEmbed);
  if (embeds) shrinkToTotal(embeds);
  return {
    ...payload,
    ...(payload.content === undefined ? {} : { content: truncate(payload.content, LIMITS.content) }),
    ...(embeds ? { embeds } : {}),
  };
}

function shrinkToTotal(embeds: APIEmbed[]): void {
  const excess = () => embeds.reduce((sum, embed) => sum + embedLength(embed), 0) - LIMITS.embedsTotal;
  for (let i = embeds.length - 1; i >= 0 && excess() > 0; i--) {
    const embed = embeds[i]!;
    if (embed.description) {
      const keep = embed.description.length - excess();
      embed.description = keep > 1 ? truncate(embed.description, keep) : undefined;
    }
    for (const field of [...(embed.fields ?? [])].reverse()) {
      if (excess() <= 0) break;
      field.value = truncate(field.value, Math.max(1, field.value.length - excess()));
    }
    if (excess() > 0 && embeds.length > 1) embeds.splice(i, 1);
  }
}

function fitEmbed(embed: APIEmbed): APIEmbed {
  return {
    ...embed,
    ...(embed.title === undefined ? {} : { title: truncate(embed.title, LIMITS.embedTitle) }),
    ...(embed.description === undefined ? {} : { description: truncate(embed.description, LIMITS.embedDescription) }),
    ...(embed.footer ? { footer: { ...embed.footer, text: truncate(embed.footer.text, LIMITS.footer) } } : {}),
    ...(embed.author ? { author: { ...embed.author, name: truncate(embed.author.name, LIMITS.author) } } : {}),
    ...(embed.fields
      ? {
          fields: embed.fields.slice(0, LIMITS.embedFields).map((field) => ({
            ...field,
            name: truncate(field.name, LIMITS.fieldName),
            value: truncate(field.value, LIMITS.fieldValue),
          })),
        }
      : {}),
  };
}

/** Every way the payload breaks Discord's limits; empty when Discord will accept it. */
export function limitViolations(payload: MessagePayload): string[] {
  const problems: string[] = [];
  const over = (what: string, length: number, max: number) => {
    if (length > max) problems.push(`${what} is ${length} characters, over ${max}`);
  };
  over("content", payload.content?.length ?? 0, LIMITS.content);
  const embeds = payload.embeds ?? [];
  if (embeds.length > LIMITS.embeds) problems.push(`${embeds.length} embeds, over ${LIMITS.embeds}`);
  embeds.forEach((embed, i) => {
    over(`embed ${i} title`, embed.title?.length ?? 0, LIMITS.embedTitle);
    over(`embed ${i} description`, embed.description?.length ?? 0, LIMITS.embedDescription);
    over(`embed ${i} footer`, embed.footer?.text.length ?? 0, LIMITS.footer);
    over(`embed ${i} author`, embed.author?.name.length ?? 0, LIMITS.author);
    if ((embed.fields?.length ?? 0) > LIMITS.embedFields) problems.push(`embed ${i} has ${embed.fields?.length} fields, over ${LIMITS.embedFields}`);
    embed.fields?.forEach((field, j) => {
      over(`embed ${i} field ${j} name`, field.name.length, LIMITS.fieldName);
      over(`embed ${i} field ${j} value`, field.value.length, LIMITS.fieldValue);
      if (field.name.length === 0 || field.value.length === 0) problems.push(`embed ${i} field ${j} is empty`);
    });
  });
  over("all embeds", embeds.reduce((sum, embed) => sum + embedLength(embed), 0), LIMITS.embedsTotal);
  for (const row of payload.components ?? []) {
    for (const component of row.components) {
      if ("custom_id" in component) over("a custom id", component.custom_id.length, LIMITS.customId);
      if ("options" in component && Array.isArray(component.options)) {
        if (component.options.length > LIMITS.selectOptions) problems.push(`a select menu has ${component.options.length} options`);
        for (const option of component.options) {
          over("a select option label", option.label.length, LIMITS.selectOptionLabel);
          over("a select option description", option.description?.length ?? 0, LIMITS.selectOptionDescription);
        }
      }
    }
  }
  return problems;
}
