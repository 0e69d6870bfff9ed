/**
 * Child process for the crash-safety test: edits one fact over and over on the database at argv[2], writing
 * "ack <revision>" to stdout only after each edit has committed, until it is killed.
 */
import { FactStore } from "../../src/knowledge/store/fact-store.js";
import { readFactBaseFile, SEED_PATH } from "../../src/knowledge/fact-base-file.js";

const FACT = "vladivostok-largest-far-east-port";
const seed = readFactBaseFile(SEED_PATH);
if (!seed.ok) throw new Error("seed invalid");
const store = FactStore.open(process.argv[2]!, { seed: seed.value });
if (!store.ok) throw new Error(store.error);

for (let n = 1; ; n++) {
  const fact = store.value.fact(FACT)!;
  const { statement, quote, sourceId, attribution, topic, aliases } = fact;
  const result = store.value.edit(FACT, { statement, quote, sourceId, attribution, topic, aliases, keywords: ["vladivostok", `edit-${n}`] }, fact.revision, "crash-test", `edit ${n}`);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  process.stdout.write(`ack ${result.value.revision}\n`);
}
