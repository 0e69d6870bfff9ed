import { existsSync, mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { err, ok, type Result } from "../../result.js";
import { MIGRATIONS } from "./migrations.js";

export type Db = Database.Database;

/** A table every database of ours has from the first migration on. */
const OUR_TABLE = "facts";
const RESTORE = "The file was left as it was; restore it from a backup or move it away to start afresh.";

export interface OpenOptions {
  /** Create the file's directory when it does not exist (the default ./data only: elsewhere a typo would start an empty base). */
  mayCreateDirectory?: boolean;
}

/**
 * Opens (creating if needed) the SQLite file. An existing file is inspected read-only first: one that is not a
 * healthy database, not ours, or from a newer version is refused with the path named and not one byte changed.
 * Then WAL mode, full sync (a committed write survives a crash), foreign keys, and the pending migrations, each
 * applied under the write lock, so processes opening a new file at once do not trip over each other.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Result<Db, string> {
  const problem = path === ":memory:" ? undefined : placeProblem(path, options);
  if (problem) return err(`database ${path} cannot be used: ${problem}`);
  if (path !== ":memory:" && existsSync(path) && statSync(path).size > 0) {
    const refusal = inspect(path);
    if (refusal) return err(`database ${path} cannot be used: ${refusal}. ${RESTORE}`);
  }
  let db: Db | undefined;
  try {
    db = new Database(path);
    db.pragma("busy_timeout = 5000");
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = FULL");
    db.pragma("foreign_keys = ON");
    migrate(db);
    return ok(db);
  } catch (error) {
    db?.close();
    return err(`database ${path} cannot be used: ${describeOpenError(error)}`);
  }
}

/** What is wrong with where the file goes, before SQLite is asked: a missing directory, a directory for a file. */
function placeProblem(path: string, { mayCreateDirectory = false }: OpenOptions): string | undefined {
  const directory = dirname(path);
  if (!existsSync(directory)) {
    if (!mayCreateDirectory) return `the directory ${directory} does not exist (check DATABASE_PATH; the bot creates only the default ./data)`;
    mkdirSync(directory, { recursive: true });
  }
  if (existsSync(path) && statSync(path).isDirectory()) return "it is a directory, not a file (check DATABASE_PATH)";
  return undefined;
}

/** Why an existing file is not ours to open, read without writing: damaged, another program's, or newer. */
function inspect(path: string): string | undefined {
  let db: Db | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const check = db.pragma("quick_check", { simple: true });
    if (check !== "ok") return `integrity check failed: ${String(check)}`;
    const version = db.pragma("user_version", { simple: true }) as number;
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((row) => row.name);
    if (version > MIGRATIONS.length) return `it was written by a newer version (schema ${version}, this one knows ${MIGRATIONS.length})`;
    if (tables.length > 0 && !tables.includes(OUR_TABLE)) return `it is another program's database (tables ${tables.slice(0, 5).join(", ")}), not a trade-facts one`;
    return undefined;
  } catch (error) {
    return (error as Error).message;
  } finally {
    db?.close();
  }
}

function describeOpenError(error: unknown): string {
  const { code, message } = error as { code?: string; message: string };
  if (code === "SQLITE_READONLY" || code === "SQLITE_CANTOPEN" || code === "EACCES" || /readonly|read-only/i.test(message)) {
    return `it cannot be written (${message}): check that the file and its directory are writable by this user`;
  }
  return `${message}. ${RESTORE}`;
}

function migrate(db: Db): void {
  MIGRATIONS.forEach((sql, index) => {
    db.transaction(() => {
      if ((db.pragma("user_version", { simple: true }) as number) > index) return;
      db.exec(sql);
      db.pragma(`user_version = ${index + 1}`);
    }).immediate();
  });
}
