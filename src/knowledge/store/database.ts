import { existsSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { err, ok, type Result } from "../../result.js";
import { MIGRATIONS } from "./migrations.js";

export type Db = Database.Database;

/**
 * Opens (creating if needed) the SQLite file: checked before anything is written to it, then WAL mode,
 * full sync (a committed write survives a crash), foreign keys, and the pending migrations.
 * A file that is not a healthy database is refused with the path named and left exactly as it was.
 */
export function openDatabase(path: string): Result<Db, string> {
  const isNew = path === ":memory:" || !existsSync(path);
  let db: Db | undefined;
  try {
    if (isNew && path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    db = new Database(path, { fileMustExist: !isNew });
    if (!isNew) {
      const check = db.pragma("quick_check", { simple: true });
      if (check !== "ok") throw new Error(`integrity check failed: ${String(check)}`);
    }
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = FULL");
    db.pragma("foreign_keys = ON");
    db.pragma("busy_timeout = 2000");
    migrate(db);
    return ok(db);
  } catch (error) {
    db?.close();
    return err(`database ${path} cannot be used: ${(error as Error).message}. The file was left as it was; restore it from a backup or move it away to start afresh.`);
  }
}

function migrate(db: Db): void {
  const applied = db.pragma("user_version", { simple: true }) as number;
  if (applied > MIGRATIONS.length) throw new Error(`it was written by a newer version (schema ${applied}, this one knows ${MIGRATIONS.length})`);
  MIGRATIONS.slice(applied).forEach((sql, offset) => {
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${applied + offset + 1}`);
    })();
  });
}
