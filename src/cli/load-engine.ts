import { buildEngine, type Engine } from "../knowledge/engine.js";
import { formatFileProblem, readFactBaseFile, SEED_PATH } from "../knowledge/fact-base-file.js";
import { exitWithError } from "./cli-io.js";

/** The engine over the curated fact base; a broken base ends the command naming file and line. */
export function loadEngineOrExit(file = SEED_PATH): Engine {
  const base = readFactBaseFile(file);
  if (!base.ok) exitWithError(base.error.map(formatFileProblem));
  return buildEngine(base.value);
}
