import { FactSchema, SourceSchema } from "../schema.js";
import type { Db } from "./database.js";

/** Rows that would not load, each as "table id: reason": every row is parsed against the schema once, at open. */
export function unreadableRows(db: Db): string[] {
  const bad: string[] = [];
  for (const [table, schema] of [["sources", SourceSchema], ["facts", FactSchema]] as const) {
    for (const row of db.prepare(`SELECT id, data FROM ${table}`).all() as Record<string, unknown>[]) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(row.data as string);
      } catch {
        bad.push(`${table} ${String(row.id)}: not JSON`);
        continue;
      }
      const result = schema.safeParse(parsed);
      if (!result.success) bad.push(`${table} ${String(row.id)}: ${result.error.issues[0]?.path.join(".")} ${result.error.issues[0]?.message}`);
    }
  }
  return bad;
}
