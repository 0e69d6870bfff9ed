import { fork, type ChildProcess } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { ROOT } from "../support/run-cli.js";
import type { RaceOutcome } from "../support/race-edit.js";
import { openSeededStore, tempDbPath } from "../support/temp-db.js";

const FACT = "vladivostok-largest-far-east-port";
const ROUNDS = 60;
const writers: ChildProcess[] = [];

afterEach(() => {
  for (const writer of writers.splice(0)) writer.kill();
});

/** A writer process on its own connection to the database, ready once it has opened it and read the fact. */
async function startWriter(path: string, name: string): Promise<ChildProcess> {
  const child = fork("test/support/race-edit.ts", [path, name], { cwd: ROOT, execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  writers.push(child);
  await nextMessage(child);
  return child;
}

/** The next message from a writer; a writer that exits instead fails the test at once. */
function nextMessage(child: ChildProcess): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`writer exited (${code}) before answering`));
    child.once("exit", onExit);
    child.once("message", (message) => {
      child.off("exit", onExit);
      resolve(message);
    });
  });
}

describe("two moderators saving the same fact at the same moment", () => {
  it("from two processes, round after round: exactly one wins, the other gets a conflict, nothing is lost and no lock error escapes", async () => {
    const path = tempDbPath();
    openSeededStore(path).close();
    const [a, b] = await Promise.all([startWriter(path, "mod-a"), startWriter(path, "mod-b")]);
    const winners: string[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const expected = round; // the seed's revision 1, then one a round
      const answers = [nextMessage(a), nextMessage(b)];
      for (const writer of [a, b]) writer.send({ round, expected });
      const outcomes = (await Promise.all(answers)) as RaceOutcome[];
      expect(outcomes.filter((outcome) => outcome.outcome === "failed"), `round ${round}`).toEqual([]);
      const saved = outcomes.filter((outcome) => outcome.outcome === "saved");
      const conflicts = outcomes.filter((outcome) => outcome.outcome === "conflict");
      expect(saved, `round ${round}`).toEqual([{ round, writer: expect.any(String) as string, outcome: "saved", revision: expected + 1 }]);
      expect(conflicts, `round ${round}`).toEqual([{ round, writer: expect.any(String) as string, outcome: "conflict", currentRevision: expected + 1 }]);
      winners.push(saved[0]!.writer);
    }

    const store = openSeededStore(path);
    const history = store.history(FACT);
    store.close();
    expect(history.map((revision) => revision.revision)).toEqual(Array.from({ length: ROUNDS + 1 }, (_, i) => i + 1));
    expect(history.slice(1).map((revision) => [revision.actor, revision.after.keywords])).toEqual(
      winners.map((winner, i) => [winner, ["vladivostok", `round-${i + 1}-${winner}`]]),
    );
  });

  it("votes and question counts from two processes at once: every one lands, no lock error escapes", async () => {
    const path = tempDbPath();
    openSeededStore(path).close();
    const [a, b] = await Promise.all([startWriter(path, "shard-0"), startWriter(path, "shard-1")]);
    for (let round = 1; round <= ROUNDS; round++) {
      const answers = [nextMessage(a), nextMessage(b)];
      for (const writer of [a, b]) writer.send({ round, expected: 0, op: "count" });
      expect(await Promise.all(answers), `round ${round}`).toEqual([
        { round, writer: "shard-0", outcome: "counted" },
        { round, writer: "shard-1", outcome: "counted" },
      ]);
    }
    const store = openSeededStore(path);
    const stats = store.feedback.stats();
    store.close();
    expect(stats).toMatchObject({ asked: 2 * ROUNDS, answered: ROUNDS, helpful: ROUNDS, notHelpful: ROUNDS });
  });
});
