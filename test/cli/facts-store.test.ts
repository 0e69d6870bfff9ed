import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Fact, FactBase } from "../../src/knowledge/schema.js";
import { freshTempDir, runCli, type CliRun } from "../support/run-cli.js";
import { seedBase, seedFact } from "../support/seed.js";
import { openSeededStore } from "../support/temp-db.js";

const PORT = "vladivostok-largest-far-east-port";

let dir: string;
let env: NodeJS.ProcessEnv;

beforeEach(() => {
  dir = freshTempDir();
  env = { DATABASE_PATH: join(dir, "trade-facts.db") };
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function facts(...args: string[]): CliRun {
  return runCli("facts", args, undefined, env);
}

function exported(): string {
  const run = facts("export");
  expect(run.status).toBe(0);
  return run.stdout;
}

/** Writes a fact base file into the test's directory and returns its path. */
function writeBase(name: string, base: FactBase): string {
  const file = join(dir, name);
  writeFileSync(file, `${JSON.stringify(base, null, 2)}\n`);
  return file;
}

/** The store's export with one fact changed. */
function exportWith(id: string, change: Partial<Fact>): FactBase {
  const base = JSON.parse(exported()) as FactBase;
  return { ...base, facts: base.facts.map((fact) => (fact.id === id ? { ...fact, ...change } : fact)) };
}

function askTop(question: string): string | undefined {
  const { status, stdout } = runCli("ask", ["--json", question], undefined, env);
  expect(status).toBe(0);
  return (JSON.parse(stdout) as { results: { id: string }[] }).results[0]?.id;
}

describe("npm run facts against the store", () => {
  it("lists every seed fact, one line each, then a count", () => {
    const { status, stdout } = facts("list");
    expect(status).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    const seed = seedBase().facts;
    expect(lines).toHaveLength(seed.length + 1);
    for (const fact of seed) expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${fact.id} +\\[active\\] +r1 +\\S`)));
    expect(lines.at(-1)).toBe(`${seed.length} facts: ${seed.length} active, 0 retired.`);
  });

  it("shows one fact's fields", () => {
    const { status, stdout } = facts("show", PORT);
    expect(status).toBe(0);
    const fact = seedFact(PORT);
    expect(stdout.split("\n")[0]).toBe(PORT);
    expect(stdout).toMatch(new RegExp(`^ +statement: +${fact.statement}$`, "m"));
    expect(stdout).toContain(`“${fact.quote}”`);
    expect(stdout).toMatch(/^ +source: +china-russia-trade-northeast-2023 — News article: /m);
    expect(stdout).toMatch(/^ +status: +active$/m);
    expect(stdout).toMatch(/^ +revision: +1$/m);
    for (const label of ["attribution", "topic", "entities", "keywords", "aliases", "questions", "period", "updated"]) expect(stdout).toMatch(new RegExp(`^ +${label}: `, "m"));
  });

  it.each(["show", "history"])("%s of an unknown id says so in one line, suggesting near ids, exit 1", (command) => {
    const { status, stdout, stderr } = facts(command, "vladivostok");
    expect(status).toBe(1);
    expect(stdout).toBe("");
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(new RegExp(`^facts: no fact vladivostok\\. Did you mean .*${PORT}`));
  });

  it("says nothing changed when importing its own export, and stays as it was", () => {
    const before = exported();
    const file = join(dir, "export.json");
    writeFileSync(file, before);
    const { status, stdout } = facts("import", file);
    expect(status).toBe(0);
    expect(stdout).toContain(`0 added, 0 changed, ${seedBase().facts.length} unchanged, 0 untouched`);
    expect(stdout).toMatch(/^nothing to import: the store already matches .*export\.json\.$/m);
    expect(exported()).toBe(before);
  });

  it("reports a dry run's changes and changes nothing", () => {
    const before = exported();
    const file = writeBase("retired.json", exportWith(PORT, { status: "retired" }));
    const { status, stdout } = facts("import", file, "--dry-run");
    expect(status).toBe(0);
    expect(stdout).toContain("0 added, 1 changed");
    expect(stdout).toMatch(new RegExp(`^ +changed +${PORT}: status$`, "m"));
    expect(stdout.trimEnd().split("\n").at(-1)).toBe("dry run: nothing changed.");
    expect(exported()).toBe(before);
    expect(facts("history", PORT).stdout.trimEnd().split("\n")).toHaveLength(1);
  });

  it("applies an import: show reflects it and history has the import revision with the changed field", () => {
    const file = writeBase("retired.json", exportWith(PORT, { status: "retired" }));
    const imported = facts("import", file);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toMatch(/^imported: 0 facts added, 1 changed; 0 sources added, 0 changed; by cli:.+\.$/m);

    const shown = facts("show", PORT).stdout;
    expect(shown).toMatch(/^ +status: +retired$/m);
    expect(shown).toMatch(/^ +revision: +2$/m);
    expect(shown).toMatch(/^ +updated: +\S+ by cli:/m);

    const { status, stdout } = facts("history", PORT);
    expect(status).toBe(0);
    const revisions = stdout.split("\n").filter((line) => /^r\d+ /.test(line));
    expect(revisions).toHaveLength(2);
    expect(revisions[0]).toMatch(/^r1 +\S+ +seed by seed/);
    expect(revisions[1]).toMatch(/^r2 +\S+ +import by cli:\S+/);
    expect(stdout).toMatch(/^ +status: "active" → "retired"$/m);

    const again = facts("import", file);
    expect(again.stdout).toContain("nothing to import");
  });

  describe("an old export over a newer edit", () => {
    const HUB = "northeast-china-trade-hub";

    /** Exports, then a moderator changes PORT's topic in the store; the old export, with HUB changed in it. */
    function oldExportAfterAnEdit(): string {
      const old = exportWith(HUB, { topic: "Trade hubs" });
      const store = openSeededStore(env.DATABASE_PATH);
      const fact = store.fact(PORT)!;
      const { statement, quote, sourceId, attribution, keywords, aliases } = fact;
      const edited = store.edit(PORT, { statement, quote, sourceId, attribution, topic: "Ports", keywords, aliases }, fact.revision, "ana", "better topic");
      store.close();
      expect(edited.ok).toBe(true);
      return writeBase("old.json", old);
    }

    const conflictLine = new RegExp(`^ +conflict ${PORT}: the file has r1, the store r2 \\(last by ana at \\S+\\); the file differs in topic$`, "m");

    it("is shown as a conflict by a dry run, with who changed it and when", () => {
      const file = oldExportAfterAnEdit();
      const before = exported();
      const { status, stdout } = facts("import", file, "--dry-run");
      expect(status).toBe(0);
      expect(stdout).toMatch(new RegExp(`^ +changed +${HUB}: topic$`, "m"));
      expect(stdout).toMatch(/^ +conflicts: 1 fact changed in the store after the file's revision/m);
      expect(stdout).toMatch(conflictLine);
      expect(stdout.trimEnd().split("\n").at(-1)).toBe("dry run: nothing changed.");
      expect(exported()).toBe(before);
    });

    it("imports nothing unless told what to do with the conflict, and says how in one line, exit 1", () => {
      const file = oldExportAfterAnEdit();
      const before = exported();
      const { status, stdout, stderr } = facts("import", file);
      expect(status).toBe(1);
      expect(stdout).toMatch(conflictLine);
      expect(stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(stderr).toMatch(/^facts: nothing was imported: 1 conflict \(.*\)\. Run again with --skip-conflicts .* or with --overwrite-conflicts /);
      expect(exported()).toBe(before);
    });

    it("with --skip-conflicts imports the rest and keeps the newer edit", () => {
      const file = oldExportAfterAnEdit();
      const { status, stdout } = facts("import", file, "--skip-conflicts");
      expect(status).toBe(0);
      expect(stdout).toMatch(/^imported: 0 facts added, 1 changed; /m);
      expect(stdout).toMatch(/^conflicts: 1 skipped, left as the store has them\.$/m);
      expect(facts("show", PORT).stdout).toMatch(/^ +topic: +Ports$/m);
      expect(facts("show", HUB).stdout).toMatch(/^ +topic: +Trade hubs$/m);
    });

    it("with --overwrite-conflicts writes the file's version over it, and history says so", () => {
      const file = oldExportAfterAnEdit();
      const { status, stdout } = facts("import", file, "--overwrite-conflicts");
      expect(status).toBe(0);
      expect(stdout).toMatch(/^conflicts: 1 overwritten with the file's version\.$/m);
      const shown = facts("show", PORT).stdout;
      expect(shown).toMatch(new RegExp(`^ +topic: +${seedFact(PORT).topic}$`, "m"));
      expect(shown).toMatch(/^ +revision: +3$/m);
      expect(facts("history", PORT).stdout).toMatch(/^r3 +\S+ +import by cli:\S+ +— import over r2 \(the file had r1\)$/m);
    });
  });

  it("refuses a broken file naming file and line, and changes nothing", () => {
    const before = exported();
    const { status, stdout, stderr } = facts("import", "test/fixtures/broken-facts.json");
    expect(status).toBe(1);
    expect(stdout).toBe("");
    const lines = stderr.trimEnd().split("\n");
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^test\/fixtures\/broken-facts\.json:\d+: fact [^,]+, \w+: .+/);
    expect(exported()).toBe(before);
  });

  it("answers ask from the store, so a retirement shows", () => {
    const question = "largest port in the Russian Far East";
    expect(askTop(question)).toBe(PORT);
    expect(facts("import", writeBase("retired.json", exportWith(PORT, { status: "retired" }))).status).toBe(0);
    expect(askTop(question)).not.toBe(PORT);
  });

  it("sees what another process wrote on the next run", () => {
    expect(facts("list").stdout).toMatch(new RegExp(`^${PORT} +\\[active\\] +r1 `, "m"));
    const statement = "Vladivostok is the biggest port in the Russian Far East.";
    const writer = facts("import", writeBase("edited.json", exportWith(PORT, { statement })));
    expect(writer.status).toBe(0);
    const { stdout } = facts("list");
    expect(stdout).toMatch(new RegExp(`^${PORT} +\\[active\\] +r2 +${statement}$`, "m"));
    expect(facts("history", PORT).stdout).toContain(`statement: "Vladivostok is the largest port in the Russian Far East." → "${statement}"`);
  });

  it("exports in the seed's format: sources then facts, two-space JSON", () => {
    const text = exported();
    const base = JSON.parse(text) as FactBase;
    expect(Object.keys(base)).toEqual(["sources", "facts"]);
    expect(text).toBe(`${JSON.stringify(base, null, 2)}\n`);
    expect(base).toEqual(seedBase());
  });

  it.each([
    ["a missing id", ["show"], /^facts: show needs a fact id\./],
    ["a missing file", ["import"], /^facts: import needs a file\./],
    ["extra arguments", ["list", "extra"], /^facts: too many arguments for list\./],
    ["--dry-run without import", ["export", "--dry-run"], /^facts: --dry-run only goes with import\./],
    ["--skip-conflicts without import", ["list", "--skip-conflicts"], /^facts: --skip-conflicts only goes with import\./],
    ["both conflict choices", ["import", "file.json", "--skip-conflicts", "--overwrite-conflicts"], /^facts: choose --skip-conflicts or --overwrite-conflicts, not both\./],
    ["an unknown option", ["list", "--everything"], /^facts: unknown option --everything\./],
    ["--all without proposals", ["list", "--all"], /^facts: --all only goes with proposals\./],
    ["no command", [], /^facts: no command given\./],
  ])("rejects %s with one line and exit code 2", (_name, args, message) => {
    const { status, stdout, stderr } = facts(...args);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(message);
    expect(stderr).toContain("Usage: npm run facts -- list | show ID");
  });

  it("ends with the store's one-line reason when the database cannot be used", () => {
    const bad = join(dir, "not-a-database.db");
    writeFileSync(bad, "this is not SQLite\n".repeat(100));
    env = { DATABASE_PATH: bad };
    const { status, stdout, stderr } = facts("list");
    expect(status).toBe(1);
    expect(stdout).toBe("");
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(stderr).toContain(`database ${bad} cannot be used`);
  });
});
