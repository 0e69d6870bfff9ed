import { userInfo } from "node:os";
import { parseArgs } from "node:util";
import { displayPath, formatFileProblem, readFactBaseFile, SEED_PATH } from "../knowledge/fact-base-file.js";
import { diffFacts } from "../knowledge/fact-diff.js";
import type { Fact, FactBase } from "../knowledge/schema.js";
import type { ConflictChoice, FactChange, ImportPlan } from "../knowledge/store/fact-import.js";
import type { FactStore, Revision, StoreError } from "../knowledge/store/fact-store.js";
import type { Problem } from "../knowledge/validate.js";
import { truncate } from "../truncate.js";
import { usageReport } from "../knowledge/store/usage-report.js";
import { formatGaps, formatUsage, gapsJson, usageJson } from "./format-usage.js";
import { describeArgsError, endQuietlyWhenStdoutCloses, exitWithError, exitWithUsage } from "./cli-io.js";
import { openStoreOrExit } from "./open-store.js";
import { addSourceFromFile, decideProposals, formatProposals, proposalsJson, type SourceAddition } from "./proposal-commands.js";

const USAGE =
  "Usage: npm run facts -- list | show ID | history ID | export | import FILE [--dry-run] [--skip-conflicts | --overwrite-conflicts] | validate [FILE] | gaps [--limit N] [--json] | stats [--json] | sources add FILE --id ID --title TITLE [--publisher P] [--url U] [--date D] | proposals [SOURCE_ID] [--all] [--json] | accept PROPOSAL_ID... | reject PROPOSAL_ID... [--reason R].";

type Command =
  | { name: "list" | "export" }
  | { name: "show" | "history"; id: string }
  | { name: "import"; file: string; dryRun: boolean; onConflict?: ConflictChoice }
  | { name: "validate"; file: string }
  | { name: "gaps"; limit?: number; json: boolean }
  | { name: "stats"; json: boolean }
  | { name: "sources"; addition: SourceAddition }
  | { name: "proposals"; sourceId?: string; all: boolean; json: boolean }
  | { name: "accept"; ids: number[] }
  | { name: "reject"; ids: number[]; reason: string | null };

const COMMANDS = ["list", "show", "history", "export", "import", "validate", "gaps", "stats", "sources", "proposals", "accept", "reject"] as const;
type CommandName = (typeof COMMANDS)[number];

/** The commands each option goes with. */
const OPTION_COMMANDS = {
  "dry-run": ["import"],
  "skip-conflicts": ["import"],
  "overwrite-conflicts": ["import"],
  limit: ["gaps"],
  json: ["gaps", "stats", "proposals"],
  all: ["proposals"],
  reason: ["reject"],
  id: ["sources"],
  title: ["sources"],
  publisher: ["sources"],
  url: ["sources"],
  date: ["sources"],
} as const satisfies Record<string, readonly CommandName[]>;

function parse(): Command {
  try {
    const { values, positionals } = parseArgs({
      options: {
        "dry-run": { type: "boolean" },
        "skip-conflicts": { type: "boolean" },
        "overwrite-conflicts": { type: "boolean" },
        limit: { type: "string" },
        json: { type: "boolean" },
        all: { type: "boolean" },
        reason: { type: "string" },
        id: { type: "string" },
        title: { type: "string" },
        publisher: { type: "string" },
        url: { type: "string" },
        date: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      allowPositionals: true,
    });
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    }
    const [name, argument, ...extra] = positionals;
    if (!isCommand(name)) exitWithUsage(`facts: ${name ? `unknown command "${name}".` : "no command given."}`, USAGE);
    for (const option of Object.keys(OPTION_COMMANDS) as (keyof typeof OPTION_COMMANDS)[]) {
      const commands: readonly CommandName[] = OPTION_COMMANDS[option];
      if (values[option] !== undefined && !commands.includes(name)) exitWithUsage(`facts: --${option} only goes with ${listed(commands)}.`, USAGE);
    }
    const dryRun = values["dry-run"] ?? false;
    if (values["skip-conflicts"] && values["overwrite-conflicts"]) exitWithUsage("facts: choose --skip-conflicts or --overwrite-conflicts, not both.", USAGE);
    const onConflict: ConflictChoice | undefined = values["skip-conflicts"] ? "skip" : values["overwrite-conflicts"] ? "overwrite" : undefined;
    const json = values.json ?? false;
    if (name === "accept" || name === "reject") {
      const ids = [argument, ...extra].filter((id) => id !== undefined).map(parseProposalId);
      if (ids.length === 0) exitWithUsage(`facts: ${name} needs at least one proposal id.`, USAGE);
      return name === "accept" ? { name, ids } : { name, ids, reason: values.reason ?? null };
    }
    if (name === "sources") {
      const [file, ...more] = extra;
      if (argument !== "add") exitWithUsage(`facts: sources takes add${argument ? `, not "${truncate(oneLine(argument), 20)}"` : ""}.`, USAGE);
      if (!file || more.length > 0) exitWithUsage("facts: sources add takes one file.", USAGE);
      if (!values.id || !values.title) exitWithUsage("facts: sources add needs --id ID and --title TITLE.", USAGE);
      return { name, addition: { file, id: values.id, title: values.title, publisher: values.publisher ?? null, url: values.url ?? null, date: values.date ?? null } };
    }
    const takes = ["list", "export", "gaps", "stats"].includes(name) ? 0 : 1;
    if (extra.length > 0 || (takes === 0 && argument !== undefined)) exitWithUsage(`facts: too many arguments for ${name}.`, USAGE);
    switch (name) {
      case "list":
      case "export":
        return { name };
      case "validate":
        return { name, file: argument ?? SEED_PATH };
      case "show":
      case "history":
        if (!argument) exitWithUsage(`facts: ${name} needs a fact id.`, USAGE);
        return { name, id: argument };
      case "import":
        if (!argument) exitWithUsage("facts: import needs a file.", USAGE);
        return { name, file: argument, dryRun, ...(onConflict ? { onConflict } : {}) };
      case "gaps":
        return { name, json, ...(values.limit === undefined ? {} : { limit: parseLimit(values.limit) }) };
      case "stats":
        return { name, json };
      case "proposals":
        return { name, ...(argument === undefined ? {} : { sourceId: argument }), all: values.all ?? false, json };
    }
  } catch (error) {
    exitWithUsage(`facts: ${describeArgsError(error)}`, USAGE);
  }
}

function parseLimit(text: string): number {
  if (!/^\d{1,6}$/.test(text) || Number(text) < 1) exitWithUsage(`facts: --limit must be a whole number from 1 to 999999, not "${truncate(oneLine(text), 20)}".`, USAGE);
  return Number(text);
}

function parseProposalId(text: string): number {
  if (!/^\d{1,12}$/.test(text)) exitWithUsage(`facts: a proposal id is a whole number (as \`proposals\` lists them), not "${truncate(oneLine(text), 20)}".`, USAGE);
  return Number(text);
}

function isCommand(name: string | undefined): name is CommandName {
  return (COMMANDS as readonly (string | undefined)[]).includes(name);
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function validate(file: string): void {
  const base = readFactBaseFile(file);
  if (!base.ok) exitWithError(base.error.map(formatFileProblem));
  const { facts, sources } = base.value;
  process.stdout.write(`${displayPath(file)}: ${facts.length} facts from ${plural(sources.length, "source")}, all valid.\n`);
}

/** One line a fact, active ones first, columns aligned; then how many there are. */
function list(store: FactStore): string {
  const facts = store.facts();
  const ordered = [...facts.filter((fact) => fact.status === "active"), ...facts.filter((fact) => fact.status !== "active")];
  const idWidth = Math.max(0, ...facts.map((fact) => fact.id.length));
  const revisionWidth = Math.max(0, ...facts.map((fact) => `r${fact.revision}`.length));
  const lines = ordered.map(
    (fact) => `${fact.id.padEnd(idWidth)}  ${`[${fact.status}]`.padEnd("[retired]".length)}  ${`r${fact.revision}`.padEnd(revisionWidth)}  ${truncate(oneLine(fact.statement), 80)}`,
  );
  const active = facts.filter((fact) => fact.status === "active").length;
  lines.push(`${plural(facts.length, "fact")}: ${active} active, ${facts.length - active} retired.`);
  return lines.join("\n");
}

function show(store: FactStore, fact: Fact): string {
  const source = store.sources().find((candidate) => candidate.id === fact.sourceId);
  const listed = (items: readonly string[]) => (items.length > 0 ? items.map(oneLine).join(", ") : "(none)");
  const rows: [string, string | string[]][] = [
    ["statement", fact.statement],
    ["quote", `“${fact.quote}”`],
    ["attribution", fact.attribution],
    ["source", `${fact.sourceId} — ${source ? source.title : "(no such source)"}`],
    ["topic", fact.topic],
    ["entities", listed(fact.entities)],
    ["keywords", listed(fact.keywords)],
    ["aliases", listed(fact.aliases)],
    ["questions", fact.questions.length > 0 ? fact.questions.map(oneLine) : "(none)"],
    ["period", fact.period ?? "(none)"],
    ["status", fact.status],
    ["revision", String(fact.revision)],
    ["updated", `${fact.updatedAt} by ${fact.updatedBy}`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length)) + 1;
  const lines = [fact.id];
  for (const [label, value] of rows) {
    const [first = "", ...rest] = typeof value === "string" ? [oneLine(value)] : value;
    lines.push(`  ${`${label}:`.padEnd(width)} ${first}`, ...rest.map((line) => `  ${" ".repeat(width)} ${line}`));
  }
  return lines.join("\n");
}

/** Every revision, oldest first, with what it changed (a first revision has nothing before it to compare). */
function history(revisions: readonly Revision[]): string {
  return revisions
    .flatMap((revision) => {
      const head = `r${revision.revision}  ${revision.at}  ${revision.action} by ${revision.actor}${revision.reason ? `  — ${oneLine(revision.reason)}` : ""}`;
      const changes = revision.before ? diffFacts(revision.before, revision.after) : [];
      return [head, ...changes.map(({ field, before, after }) => `    ${field}: ${showValue(before)} → ${showValue(after)}`)];
    })
    .join("\n");
}

function showValue(value: unknown): string {
  return value === undefined ? "(none)" : truncate(JSON.stringify(value), 100);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function noFact(store: FactStore, id: string): never {
  const near = nearIds(
    id,
    store.facts().map((fact) => fact.id),
  );
  const hint = near.length === 0 ? "" : ` Did you mean ${near.length === 1 ? near[0] : `${near.slice(0, -1).join(", ")} or ${near.at(-1)}`}?`;
  store.close();
  exitWithError([`facts: no fact ${oneLine(id)}.${hint}`]);
}

/** Ids that contain what was typed (or are contained in it), else those sharing the most of its words. */
function nearIds(typed: string, ids: readonly string[]): string[] {
  const query = typed.toLowerCase().trim();
  if (!query) return [];
  const containing = ids.filter((id) => id.includes(query) || query.includes(id));
  if (containing.length > 0) return containing.slice(0, 3);
  const words = query.split(/[^a-z0-9]+/).filter((word) => word.length >= 3);
  return ids
    .map((id) => ({ id, shared: words.filter((word) => id.includes(word)).length }))
    .filter(({ shared }) => shared > 0)
    .sort((a, b) => b.shared - a.shared)
    .slice(0, 3)
    .map(({ id }) => id);
}

function describePlan(plan: ImportPlan, file: string, database: string): string[] {
  const lines = [`import ${displayPath(file)} into ${displayPath(database)}:`];
  lines.push(`  sources: ${plan.sourcesAdded.length} added, ${plan.sourcesChanged.length} changed`);
  for (const source of plan.sourcesAdded) lines.push(`    added    ${source.id}: ${truncate(oneLine(source.title), 80)}`);
  for (const source of plan.sourcesChanged) lines.push(`    changed  ${source.id}`);
  lines.push(
    `  facts: ${plan.added.length} added, ${plan.changed.length} changed, ${plan.unchanged} unchanged, ${plan.untouched} untouched (in the store, not in the file: left as they are)`,
  );
  for (const fact of plan.added) lines.push(`    added    ${fact.id}`);
  for (const { before, after } of plan.changed) lines.push(`    changed  ${after.id}: ${changedFields(before, after)}`);
  if (plan.conflicts.length > 0) {
    lines.push(`  conflicts: ${plural(plan.conflicts.length, "fact")} changed in the store after the file's revision (the file's version would undo that change)`);
    for (const conflict of plan.conflicts) lines.push(`    conflict ${describeConflict(conflict)}`);
  }
  return lines;
}

function changedFields(before: Fact, after: Fact): string {
  return diffFacts(before, after).map((change) => change.field).join(", ");
}

/** Which revisions met, who changed the fact last and when, and the fields the file's version would change. */
function describeConflict({ before, after }: FactChange): string {
  return `${after.id}: the file has r${after.revision}, the store r${before.revision} (last by ${oneLine(before.updatedBy)} at ${before.updatedAt}); the file differs in ${changedFields(before, after)}`;
}

function hasChanges(plan: ImportPlan): boolean {
  return plan.sourcesAdded.length + plan.sourcesChanged.length + plan.added.length + plan.changed.length + plan.conflicts.length > 0;
}

function describeStoreError(error: StoreError, file: string): string[] {
  const inFile = (problems: readonly Problem[]) => problems.map((problem) => formatFileProblem({ ...problem, file }));
  switch (error.kind) {
    case "invalid":
      return inFile(error.problems);
    case "stale-plan":
      return ["facts: the store changed while importing (another writer got there first); nothing was imported. Run the import again."];
    case "unresolved-conflicts":
      return [
        `facts: nothing was imported: ${plural(error.conflicts.length, "conflict")} (facts changed in the store after the file's revision). Run again with --skip-conflicts to import the rest and leave the conflicts as the store has them, or with --overwrite-conflicts to write the file's version over them.`,
      ];
    default:
      return [`facts: import failed (${error.kind}); nothing was imported.`];
  }
}

function actor(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return `cli:${process.env.USER ?? process.env.USERNAME ?? "unknown"}`;
  }
}

function importFile(store: FactStore, database: string, file: string, dryRun: boolean, onConflict: ConflictChoice | undefined): void {
  const read = readFactBaseFile(file);
  if (!read.ok) {
    store.close();
    exitWithError(read.error.map(formatFileProblem));
  }
  const base: FactBase = read.value;
  const plan = store.imports.plan(base);
  if (!plan.ok) {
    store.close();
    exitWithError(describeStoreError(plan.error, file));
  }
  const lines = describePlan(plan.value, file, database);
  if (!hasChanges(plan.value)) {
    lines.push(`nothing to import: the store already matches ${displayPath(file)}.`);
  } else if (dryRun) {
    lines.push("dry run: nothing changed.");
  } else {
    const by = actor();
    const applied = store.imports.apply(base, plan.value.fingerprint, by, onConflict);
    if (!applied.ok) {
      store.close();
      process.stdout.write(`${lines.join("\n")}\n`);
      exitWithError(describeStoreError(applied.error, file));
    }
    const { added, changed, sourcesAdded, sourcesChanged } = applied.value;
    lines.push(
      `imported: ${plural(added.length, "fact")} added, ${changed.length} changed; ${plural(sourcesAdded.length, "source")} added, ${sourcesChanged.length} changed; by ${by}.`,
    );
    const { conflicts } = applied.value;
    if (conflicts.length > 0) {
      lines.push(onConflict === "overwrite" ? `conflicts: ${conflicts.length} overwritten with the file's version.` : `conflicts: ${conflicts.length} skipped, left as the store has them.`);
    }
  }
  process.stdout.write(`${lines.join("\n")}\n`);
}

endQuietlyWhenStdoutCloses();
const command = parse();
if (command.name === "validate") {
  validate(command.file);
} else {
  const { store, path } = openStoreOrExit();
  switch (command.name) {
    case "list":
      process.stdout.write(`${list(store)}\n`);
      break;
    case "export":
      process.stdout.write(`${JSON.stringify(store.snapshot(), null, 2)}\n`);
      break;
    case "show": {
      const fact = store.fact(command.id);
      if (!fact) noFact(store, command.id);
      process.stdout.write(`${show(store, fact)}\n`);
      break;
    }
    case "history": {
      const revisions = store.history(command.id);
      if (revisions.length === 0) noFact(store, command.id);
      process.stdout.write(`${history(revisions)}\n`);
      break;
    }
    case "import":
      importFile(store, path, command.file, command.dryRun, command.onConflict);
      break;
    case "gaps": {
      const gaps = store.feedback.gaps(command.limit);
      process.stdout.write(`${command.json ? JSON.stringify(gapsJson(gaps)) : formatGaps(gaps)}\n`);
      break;
    }
    case "stats": {
      const report = usageReport(store);
      process.stdout.write(`${command.json ? JSON.stringify(usageJson(report)) : formatUsage(report)}\n`);
      break;
    }
    case "sources":
      process.stdout.write(`${addSourceFromFile(store, command.addition, actor())}\n`);
      break;
    case "proposals": {
      if (command.sourceId !== undefined && !store.sources().some((source) => source.id === command.sourceId)) {
        store.close();
        exitWithError([`facts: no source ${oneLine(command.sourceId)}.`]);
      }
      const proposals = store.proposals.list(command.sourceId, { all: command.all });
      process.stdout.write(`${command.json ? JSON.stringify(proposalsJson(proposals)) : formatProposals(proposals, command.all)}\n`);
      break;
    }
    case "accept":
    case "reject": {
      const { lines, failed } = decideProposals(store, command.ids, command.name === "accept" ? { accept: true } : { accept: false, reason: command.reason }, actor());
      process.stdout.write(`${lines.join("\n")}\n`);
      if (failed) {
        store.close();
        process.exit(1);
      }
      break;
    }
  }
  store.close();
}

/** "gaps", "gaps or stats", "gaps, stats or proposals". */
function listed(commands: readonly string[]): string {
  return commands.length > 1 ? `${commands.slice(0, -1).join(", ")} or ${commands.at(-1)!}` : commands.join("");
}
