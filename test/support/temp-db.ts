import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FactStore } from "../../src/knowledge/store/fact-store.js";
import { seedBase } from "./seed.js";

/** A path for a database file in a fresh temporary folder. */
export function tempDbPath(): string {
  return join(mkdtempSync(join(tmpdir(), "trade-facts-")), "facts.db");
}

/** A store on a fresh file, seeded with the shipped fact base. */
export function openSeededStore(path = tempDbPath(), clock?: () => Date): FactStore {
  const store = FactStore.open(path, { seed: seedBase(), ...(clock ? { clock } : {}) });
  if (!store.ok) throw new Error(store.error);
  return store.value;
}
