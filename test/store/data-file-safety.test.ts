import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { FactStore } from "../../src/knowledge/store/fact-store.js";
import { MIGRATIONS } from "../../src/knowledge/store/migrations.js";
import { ROOT } from "../support/run-cli.js";
import { seedBase } from "../support/seed.js";
import { tempDbPath } from "../support/temp-db.js";

const open = (path: string, mayCreateDirectory = false) => FactStore.open(path, { seed: seedBase(), mayCreateDirectory });

describe("the data file is never harmed", () => {
  it("refuses a DATABASE_PATH in a directory that does not exist, creating nothing, unless told it may", () => {
    const missing = join(dirname(tempDbPath()), "typo", "facts.db");
    const refused = open(missing);
    expect(refused.ok ? "" : refused.error).toBe(`database ${missing} cannot be used: the directory ${dirname(missing)} does not exist (check DATABASE_PATH; the bot creates only the default ./data)`);
    expect(existsSync(dirname(missing))).toBe(false);
    const created = open(missing, true);
    expect(created.ok).toBe(true);
    if (created.ok) created.value.close();
  });

  it("refuses another program's SQLite file without changing one byte", () => {
    const path = tempDbPath();
    const other = new Database(path);
    other.exec("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('Ada');");
    other.close();
    const before = readFileSync(path);
    const refused = open(path);
    expect(refused.ok ? "" : refused.error).toMatch(/another program's database \(tables customers\)/);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it("refuses a database from a newer version without switching its journal to WAL", () => {
    const path = tempDbPath();
    const newer = new Database(path);
    newer.exec("CREATE TABLE facts (id TEXT PRIMARY KEY);");
    newer.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    newer.close();
    const before = readFileSync(path);
    const refused = open(path);
    expect(refused.ok ? "" : refused.error).toMatch(/written by a newer version/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it("says a directory given as the file is a directory", () => {
    const directory = join(dirname(tempDbPath()), "facts.db");
    mkdirSync(directory);
    const asDirectory = open(directory);
    expect(asDirectory.ok ? "" : asDirectory.error).toBe(`database ${directory} cannot be used: it is a directory, not a file (check DATABASE_PATH)`);
  });

  // Root writes through permission bits, so as root (CI here) there is no read-only file to refuse.
  it.skipIf(process.getuid?.() === 0)("says a healthy read-only file cannot be written, without suggesting a restore", () => {
    const path = tempDbPath();
    const healthy = open(path);
    if (healthy.ok) healthy.value.close();
    chmodSync(path, 0o444);
    chmodSync(dirname(path), 0o555);
    try {
      const readOnly = open(path);
      expect(readOnly.ok ? "" : readOnly.error).toMatch(/cannot be written/);
      expect(readOnly.ok ? "" : readOnly.error).not.toMatch(/restore it from a backup/);
    } finally {
      chmodSync(dirname(path), 0o755);
      chmodSync(path, 0o644);
    }
  });

  it("lets four processes open a brand-new database at the same moment", async () => {
    const path = tempDbPath();
    const go = join(dirname(path), "go");
    const script = `import { existsSync } from "node:fs"; import { FactStore } from "./src/knowledge/store/fact-store.ts"; import { readFactBaseFile, SEED_PATH } from "./src/knowledge/fact-base-file.ts";
      const seed = readFactBaseFile(SEED_PATH); if (!seed.ok) process.exit(3);
      process.stdout.write("ready\\n"); while (!existsSync(process.argv[2])) {}
      const store = FactStore.open(process.argv[1], { seed: seed.value }); if (!store.ok) { console.error(store.error); process.exit(1); }
      store.value.close();`;
    let ready = 0;
    let allReady: () => void = () => undefined;
    const everyoneReady = new Promise<void>((resolve) => (allReady = resolve));
    const runs = Array.from({ length: 4 }, () =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script, path, go], { cwd: ROOT });
        let stderr = "";
        child.stdout.once("data", () => ++ready === 4 && allReady());
        child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
        child.once("exit", (code) => resolve({ code, stderr }));
      }),
    );
    await everyoneReady;
    writeFileSync(go, "");
    const results = await Promise.all(runs);
    expect(results).toEqual(Array.from({ length: 4 }, () => ({ code: 0, stderr: "" })));
    const store = open(path);
    expect(store.ok && store.value.facts().length).toBe(seedBase().facts.length);
    if (store.ok) store.value.close();
  });
});
