/**
 * Child process for the concurrent-writers test: opens the database at argv[2] as writer argv[3] and, for each
 * round the parent starts, edits one fact from the expected revision it is given (or, for op "count", votes and
 * counts a question, as two shards do at once), as soon as the message arrives. It reports what happened, an error included, and never throws.
 */
import { FactStore } from "../../src/knowledge/store/fact-store.js";

const RACE_FACT = "vladivostok-largest-far-east-port";

type EditOutcome = { outcome: "saved"; revision: number } | { outcome: "conflict"; currentRevision: number } | { outcome: "failed"; error: string };

export type RaceOutcome = { round: number; writer: string } & EditOutcome;

const [path, writer] = process.argv.slice(2) as [string, string];
const opened = FactStore.open(path);
if (!opened.ok) throw new Error(opened.error);
const store = opened.value;
const { statement, quote, sourceId, attribution, topic, aliases } = store.fact(RACE_FACT)!;

process.on("message", ({ round, expected, op = "edit" }: { round: number; expected: number; op?: "edit" | "count" }) => {
  const report = (result: EditOutcome | { outcome: "counted" }) => process.send!({ round, writer, ...result });
  try {
    if (op === "count") {
      store.feedback.vote(RACE_FACT, `voter-${round}-${writer}`, round % 2 === 0);
      store.feedback.recordAsks([{ question: `question ${round} from ${writer}`, factId: round % 2 === 0 ? RACE_FACT : null }]);
      report({ outcome: "counted" });
      return;
    }
    const result = store.edit(RACE_FACT, { statement, quote, sourceId, attribution, topic, aliases, keywords: ["vladivostok", `round-${round}-${writer}`] }, expected, writer);
    if (result.ok) report({ outcome: "saved", revision: result.value.revision });
    else if (result.error.kind === "conflict") report({ outcome: "conflict", currentRevision: result.error.current.revision });
    else report({ outcome: "failed", error: result.error.kind });
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    report({ outcome: "failed", error: `${code ?? "error"}: ${message}` });
  }
});
process.on("disconnect", () => store.close());
process.send!({ ready: true });
