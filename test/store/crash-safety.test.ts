import { spawn } from "node:child_process";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { ROOT } from "../support/run-cli.js";
import { openSeededStore, tempDbPath } from "../support/temp-db.js";

const FACT = "vladivostok-largest-far-east-port";

describe("crash safety", () => {
  it("keeps every acknowledged edit when the writer is killed with SIGKILL mid-stream", async () => {
    const path = tempDbPath();
    const child = spawn(process.execPath, ["--import", "tsx", "test/support/edit-stream.ts", path], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
    let acknowledged = 0;
    let buffered = "";
    const exited = new Promise((resolve) => child.once("exit", resolve));
    await new Promise<void>((resolve) => {
      child.stdout.on("data", (chunk: Buffer) => {
        buffered += chunk.toString();
        for (const [, revision] of buffered.matchAll(/ack (\d+)\n/g)) acknowledged = Math.max(acknowledged, Number(revision));
        buffered = buffered.slice(buffered.lastIndexOf("\n") + 1);
        if (acknowledged >= 200 && child.exitCode === null) {
          child.kill("SIGKILL");
          resolve();
        }
      });
    });
    await exited;
    expect(child.signalCode).toBe("SIGKILL");

    const raw = new Database(path);
    expect(raw.pragma("integrity_check", { simple: true })).toBe("ok");
    raw.close();

    const store = openSeededStore(path);
    const fact = store.fact(FACT)!;
    expect(fact.revision).toBeGreaterThanOrEqual(acknowledged);
    const revisions = store.history(FACT).map((revision) => revision.revision);
    expect(revisions).toEqual(Array.from({ length: fact.revision }, (_, i) => i + 1));
    expect(fact.keywords).toEqual(["vladivostok", `edit-${fact.revision - 1}`]);
    store.close();
  });
});
