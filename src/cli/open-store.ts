import { resolve } from "node:path";
import { BaseEnvSchema, DEFAULT_DATABASE_PATH, loadDotenvFile, parseEnv } from "../config.js";
import { buildEngine, type Engine } from "../knowledge/engine.js";
import { formatFileProblem, readFactBaseFile, SEED_PATH } from "../knowledge/fact-base-file.js";
import { FactStore } from "../knowledge/store/fact-store.js";
import { exitWithError } from "./cli-io.js";

export interface OpenedStore {
  store: FactStore;
  /** DATABASE_PATH resolved against the current directory. */
  path: string;
}

/**
 * The fact store the bot uses (DATABASE_PATH, resolved against the current directory), created and seeded from
 * the curated seed file (FACTS_FILE, as the bot) when needed. A broken seed ends the command naming file and line; a store that cannot
 * be opened ends it with the store's one-line reason (exit 1).
 */
export function openStoreOrExit(): OpenedStore {
  loadDotenvFile();
  const env = parseEnv(BaseEnvSchema);
  if (!env.ok) exitWithError(env.error);
  const seed = readFactBaseFile(env.value.FACTS_FILE ?? SEED_PATH);
  if (!seed.ok) exitWithError(seed.error.map(formatFileProblem));
  const path = resolve(env.value.DATABASE_PATH);
  const store = FactStore.open(path, { seed: seed.value, mayCreateDirectory: env.value.DATABASE_PATH === DEFAULT_DATABASE_PATH });
  if (!store.ok) exitWithError([store.error]);
  return { store: store.value, path };
}

/** The engine over the store's current facts, so moderators' edits show; the store is closed again. */
export function loadEngineOrExit(): Engine {
  const { store } = openStoreOrExit();
  try {
    return buildEngine(store.snapshot());
  } finally {
    store.close();
  }
}
