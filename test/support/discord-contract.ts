import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import formats from "ajv-formats";
import { publishedLimitBreaches, type FieldError } from "./discord-published-limits.js";
import { readSpec, SPEC_PATH, type Spec } from "./discord-spec.js";

/**
 * Discord's HTTP API contract, from its official OpenAPI 3.1 description (test/fixtures/discord-api-spec, a copy of
 * shared/discord-api-spec): a request to a route the spec does not have is answered 404, a body its operation's request schema
 * (or a published limit the spec does not encode) rejects is answered 400, both as Discord answers them.
 */

const SPEC_ID = "discord-api-spec";
const JSON_BODY = "application/json";

export interface DiscordErrorBody {
  code: number;
  message: string;
  /** Discord's nesting: one key per field on the way down, `_errors` at the field that is wrong. */
  errors?: NestedErrors;
}

export interface NestedErrors {
  [field: string]: NestedErrors | { code: string; message: string }[] | undefined;
  _errors?: { code: string; message: string }[];
}

export interface ContractBreach {
  status: 400 | 404;
  body: DiscordErrorBody;
  /** One line: the operation, then each wrong field and why. */
  why: string;
}

export interface ContractRequest {
  method: string;
  /** After /api/v10, as sent ("@original" arrives as "%40original"). */
  path: string;
  /** Parsed JSON, or a multipart upload's payload_json part; undefined when there is none. */
  body: unknown;
}

interface Operation {
  /** "POST /interactions/{interaction_id}/{interaction_token}/callback" */
  name: string;
  segments: string[];
  literals: number;
  /** JSON pointer to the operation's JSON request body schema, when it takes one. */
  bodySchema: string | undefined;
  bodyRequired: boolean;
}

interface Contract {
  ajv: Ajv2020;
  operations: Operation[];
  validators: Map<string, ValidateFunction>;
}

const METHODS = ["get", "put", "post", "patch", "delete"];

let loaded: Contract | undefined;
const contract = (): Contract => (loaded ??= buildContract());

/** Reads the spec, once per process (a missing spec fails here); operations compile on first use and are cached. */
export function loadContract(): void {
  contract();
}

/** Why Discord would refuse this request, or undefined when it takes it. */
export function checkRequest(request: ContractRequest): ContractBreach | undefined {
  const operation = findOperation(contract().operations, request.method, request.path);
  if (!operation) {
    return { status: 404, body: { code: 0, message: "404: Not Found" }, why: `${request.method} ${request.path}: no such route in Discord's API` };
  }
  const errors = bodyErrors(operation, request.body);
  if (errors.length === 0) return undefined;
  return {
    status: 400,
    body: { code: 50035, message: "Invalid Form Body", errors: nest(errors) },
    why: `${operation.name}: ${errors.map((error) => `${error.path.join(".") || "body"}: ${error.message}`).join("; ")}`,
  };
}

function bodyErrors(operation: Operation, body: unknown): FieldError[] {
  if (!operation.bodySchema) return [];
  if (body === undefined) {
    return operation.bodyRequired ? [{ path: [], code: "BASE_TYPE_REQUIRED", message: "This field is required" }] : [];
  }
  const validate = validatorFor(operation.bodySchema);
  if (!validate(body)) return specificErrors(validate.errors ?? []);
  return publishedLimitBreaches(operation.name, body);
}

function validatorFor(pointer: string): ValidateFunction {
  const { ajv, validators } = contract();
  let validate = validators.get(pointer);
  if (!validate) {
    validate = ajv.getSchema(`${SPEC_ID}#${pointer}`);
    if (!validate) throw new Error(`FakeDiscord: no schema at ${pointer} in ${SPEC_PATH}`);
    validators.set(pointer, validate);
  }
  return validate;
}

function buildContract(): Contract {
  const spec = readSpec();
  // Compiling the callback and command schemas, measured (best of five): 0.9 s with Ajv's defaults, 0.6 s with each
  // shared component compiled once instead of inlined into every schema using it, 0.36 s without optimising the
  // generated code (which only the spec's size makes worth it).
  const ajv = new Ajv2020({ strict: false, validateSchema: false, inlineRefs: false, code: { optimize: false } });
  formats.default(ajv);
  // The spec's own formats: the pattern and maxLength beside them already say what they allow.
  ajv.addFormat("snowflake", true);
  ajv.addFormat("nonce", true);
  ajv.addSchema({ ...spec, $id: SPEC_ID });
  return { ajv, operations: operationsOf(spec), validators: new Map() };
}

function operationsOf(spec: Spec): Operation[] {
  return Object.entries(spec.paths).flatMap(([template, item]) => {
    const segments = template.split("/").slice(1);
    const literals = segments.filter((segment) => !isParameter(segment)).length;
    return METHODS.filter((method) => item[method]).map((method) => {
      const requestBody = item[method]?.requestBody;
      const hasJson = requestBody?.content?.[JSON_BODY] !== undefined;
      return {
        name: `${method.toUpperCase()} ${template}`,
        segments,
        literals,
        bodySchema: hasJson ? `/paths/${pointerSegment(template)}/${method}/requestBody/content/${pointerSegment(JSON_BODY)}/schema` : undefined,
        bodyRequired: requestBody?.required === true,
      };
    });
  });
}

/** The operation whose template matches the path; a literal segment ("@original") wins over a parameter. */
function findOperation(operations: Operation[], method: string, path: string): Operation | undefined {
  const segments = path.split("/").slice(1).map(decodeSegment);
  let best: Operation | undefined;
  for (const operation of operations) {
    if (!operation.name.startsWith(`${method} `) || operation.segments.length !== segments.length) continue;
    const fits = operation.segments.every((segment, i) => (isParameter(segment) ? segments[i] !== "" : segment === segments[i]));
    if (fits && (!best || operation.literals > best.literals)) best = operation;
  }
  return best;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

const isParameter = (segment: string) => segment.startsWith("{") && segment.endsWith("}");
const pointerSegment = (key: string) => key.replaceAll("~", "~0").replaceAll("/", "~1");

/** Errors that only say a union or an `if` failed; the errors of its branches say why. */
const SUMMARIES = new Set(["if", "oneOf", "anyOf"]);

/**
 * The errors deepest in the body, one a field: of a union (a message or a null), those of the branch that went
 * furthest; the values a field may take, merged from every branch that named some.
 */
function specificErrors(errors: ErrorObject[]): FieldError[] {
  const branches = errors.filter((error) => !SUMMARIES.has(error.keyword));
  const relevant = branches.length > 0 ? branches : errors;
  const deepest = Math.max(...relevant.map((error) => fieldPath(error).length));
  const fields = new Map<string, FieldError & { allowed: unknown[] }>();
  for (const error of relevant) {
    const path = fieldPath(error);
    if (path.length !== deepest) continue;
    const allowed = allowedValues(error);
    const code = DISCORD_CODES[error.keyword] ?? error.keyword;
    const key = `${path.join(".")} ${allowed ? code : error.message}`;
    const field = fields.get(key) ?? { path, code, message: error.message ?? error.keyword, allowed: [] };
    field.allowed.push(...(allowed ?? []).filter((value) => !field.allowed.includes(value)));
    fields.set(key, field);
  }
  return [...fields.values()].map(({ allowed, ...field }) =>
    allowed.length > 0 ? { ...field, message: `must be one of ${allowed.map((value) => JSON.stringify(value)).join(", ")}` } : field,
  );
}

function allowedValues(error: ErrorObject): unknown[] | undefined {
  const params = error.params as { allowedValues?: unknown[]; allowedValue?: unknown };
  return error.keyword === "const" ? [params.allowedValue] : params.allowedValues;
}

/** The field an error is about; a missing property is its own field, as Discord reports it. */
function fieldPath(error: ErrorObject): string[] {
  const path = error.instancePath.split("/").slice(1).map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"));
  return error.keyword === "required" ? [...path, String(error.params.missingProperty)] : path;
}

/** Discord's error codes where a schema keyword maps onto one; otherwise the keyword itself. */
const DISCORD_CODES: Record<string, string> = {
  maxLength: "BASE_TYPE_MAX_LENGTH",
  maxItems: "BASE_TYPE_MAX_LENGTH",
  minLength: "BASE_TYPE_MIN_LENGTH",
  minItems: "BASE_TYPE_MIN_LENGTH",
  required: "BASE_TYPE_REQUIRED",
  enum: "BASE_TYPE_CHOICES",
  const: "BASE_TYPE_CHOICES",
};

function nest(errors: FieldError[]): NestedErrors {
  const root: NestedErrors = {};
  for (const { path, code, message } of errors) {
    let node = root;
    for (const key of path) node = (node[key] ??= {}) as NestedErrors;
    (node._errors ??= []).push({ code, message });
  }
  return root;
}
