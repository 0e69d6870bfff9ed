import type { Fact } from "../schema.js";
import type { Db } from "./database.js";

export interface Changes {
  cursor: number;
  facts: Fact[];
  sourcesChanged: boolean;
}

type Row = Record<string, unknown>;

/** The change log every write appends to: how a process learns what other processes changed. */
export class ChangeFeed {
  constructor(
    private readonly db: Db,
    private readonly factById: (id: string) => Fact | undefined,
  ) {}

  /** Where the change log ends now: pass it to `since` later. */
  cursor(): number {
    return ((this.db.prepare("SELECT MAX(id) AS id FROM change_log").get() as Row).id as number | null) ?? 0;
  }

  /** The facts changed (by this or any other process) after the cursor, and whether any source changed. */
  since(cursor: number): Changes {
    const rows = this.db.prepare("SELECT id, kind, ref FROM change_log WHERE id > ? ORDER BY id").all(cursor) as Row[];
    const factIds = [...new Set(rows.filter((row) => row.kind === "fact").map((row) => row.ref as string))];
    return {
      cursor: rows.length > 0 ? (rows.at(-1)!.id as number) : cursor,
      facts: factIds.flatMap((id) => this.factById(id) ?? []),
      sourcesChanged: rows.some((row) => row.kind === "source"),
    };
  }

  /** Bumps whenever another connection commits: a cheap way to notice the CLI's writes. */
  dataVersion(): number {
    return this.db.pragma("data_version", { simple: true }) as number;
  }
}
