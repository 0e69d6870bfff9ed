import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * Discord's official OpenAPI 3.1 description of its HTTP API (a copy of shared/discord-api-spec, MIT, kept in the
 * repository so a clean clone tests anywhere), read and prepared for a JSON Schema validator. Everything it
 * changes is listed at `prepare`.
 */

export const SPEC_PATH = fileURLToPath(new URL("../fixtures/discord-api-spec/openapi.json", import.meta.url));

type SchemaNode = Record<string, unknown>;

export interface SpecOperation {
  requestBody?: { required?: boolean; content?: Record<string, unknown> };
}

export interface Spec {
  paths: Record<string, Record<string, SpecOperation>>;
  components: { schemas: Record<string, SchemaNode> };
}

export function readSpec(): Spec {
  if (!existsSync(SPEC_PATH)) {
    throw new Error(`FakeDiscord: Discord's API spec is not at ${SPEC_PATH} (copy it from shared/discord-api-spec)`);
  }
  const spec = JSON.parse(readFileSync(SPEC_PATH, "utf8")) as Spec;
  addMediaChannels(spec);
  prepare(spec, spec);
  return spec;
}

/**
 * The spec's ChannelTypes stops at GUILD_FORUM (15); Discord's docs list GUILD_MEDIA (16), a forum of media posts,
 * and take it wherever a channel type goes (the bot lets moderators opt media channels in to Q&A).
 */
function addMediaChannels(spec: Spec): void {
  const channelTypes = spec.components.schemas.ChannelTypes as { oneOf: SchemaNode[] };
  channelTypes.oneOf.push({ title: "GUILD_MEDIA", const: 16 });
}

/**
 * Made once on the loaded spec, each for a measured reason:
 * - Discord takes a numeric string wherever the spec says integer (discord.js sends permission bitfields such as
 *   `default_member_permissions` as strings, as Discord's docs show them): an integer schema also takes a string of
 *   digits. Where that makes a `oneOf` of an integer and a string ambiguous (`nonce`), it becomes an `anyOf`.
 * - A union whose branches are told apart by their `type` (callbacks, components) becomes "`type` is one of these;
 *   if it is this one, then that branch": a wrong body is then reported against the branch its `type` names, as
 *   Discord does, not against every other branch too.
 * - Ajv refuses an empty `enum` (two guild join request schemas have one); it means no value fits: `not: {}`.
 */
function prepare(node: unknown, spec: Spec): void {
  if (typeof node !== "object" || node === null) return;
  if (Array.isArray(node)) {
    for (const item of node) prepare(item, spec);
    return;
  }
  const schema = node as SchemaNode;
  const union = schema.oneOf ?? schema.anyOf;
  if (Array.isArray(union)) {
    if (schema.oneOf && union.some((branch) => takes(branch, "integer")) && union.some((branch) => takes(branch, "string"))) {
      schema.anyOf = union;
      delete schema.oneOf;
    }
    discriminateByType(schema, union as SchemaNode[], spec);
  }
  if (Array.isArray(schema.enum) && schema.enum.length === 0) {
    delete schema.enum;
    schema.not = {};
  }
  if (takes(schema, "integer") && !takes(schema, "string")) {
    schema.type = [...[schema.type].flat(), "string"];
    schema.pattern = "^-?[0-9]+$";
  }
  for (const child of Object.values(schema)) prepare(child, spec);
}

function discriminateByType(schema: SchemaNode, union: SchemaNode[], spec: Spec): void {
  const tags = union.map((branch) => typeTags(resolve(branch, spec)));
  const all = tags.flatMap((values) => values ?? []);
  if (schema.properties || tags.some((values) => values === undefined) || new Set(all).size !== all.length) return;
  delete schema.oneOf;
  delete schema.anyOf;
  schema.required = ["type"];
  schema.properties = { type: { enum: all } };
  schema.allOf = union.map((branch, i) => ({ if: { required: ["type"], properties: { type: { enum: tags[i] } } }, then: branch }));
}

/** The values of a branch's required `type`, or undefined when it has none. */
function typeTags(branch: SchemaNode | undefined): unknown[] | undefined {
  const type = (branch?.properties as Record<string, SchemaNode> | undefined)?.type;
  const required = Array.isArray(branch?.required) && branch.required.includes("type");
  if (!type || !required) return undefined;
  if (Array.isArray(type.enum)) return type.enum as unknown[];
  return "const" in type ? [type.const] : undefined;
}

function resolve(branch: SchemaNode, spec: Spec): SchemaNode | undefined {
  const ref = branch.$ref;
  if (typeof ref !== "string") return branch;
  return spec.components.schemas[ref.slice("#/components/schemas/".length)];
}

function takes(schema: unknown, type: string): boolean {
  const declared = (schema as SchemaNode | null)?.type;
  return declared === type || (Array.isArray(declared) && declared.includes(type));
}
