import type { Logger } from "pino";
import type { LiveEngine } from "./live-engine.js";
import type { FactStore } from "./store/fact-store.js";

export interface EngineSync {
  /** Applies every change committed since the last sync (by this process or another). */
  sync(): void;
  /** Syncs only if another connection has committed since the last look: cheap enough to run every few seconds. */
  poll(): void;
}

/**
 * Keeps the serving engine in step with the store. Take the sync before building the engine from a snapshot,
 * so a change committed in between is applied (twice at worst, which is harmless) rather than missed.
 */
export function createEngineSync(store: FactStore, engine: LiveEngine, log: Logger, cursor = store.changes.cursor()): EngineSync {
  let version = store.changes.dataVersion();
  const sync = () => {
    const changes = store.changes.since(cursor);
    if (changes.cursor === cursor) return;
    const result = changes.sourcesChanged ? engine.replace(store.snapshot()) : engine.update(changes.facts);
    if (result.ok) log.info({ facts: changes.facts.map((fact) => fact.id), sourcesChanged: changes.sourcesChanged }, "fact base changed: engine updated");
    else log.error({ problems: result.error }, "fact base changed but the new engine failed to build: the previous one keeps serving");
    cursor = changes.cursor;
  };
  return {
    sync,
    poll() {
      const now = store.changes.dataVersion();
      if (now === version) return;
      version = now;
      sync();
    },
  };
}
