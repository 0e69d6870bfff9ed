import { describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.js";

describe("npm run facts", () => {
  it("validates the shipped base", () => {
    const { status, stdout } = runCli("facts", ["validate"]);
    expect(status).toBe(0);
    expect(stdout).toMatch(/src\/knowledge\/facts\.json: \d+ facts from 1 source, all valid/);
  });

  it("reports each problem of a broken file as file:line, fact id, field and reason, exit 1", () => {
    const { status, stderr } = runCli("facts", ["validate", "test/fixtures/broken-facts.json"]);
    expect(status).toBe(1);
    const lines = stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(6);
    expect(lines).toContain("test/fixtures/broken-facts.json:39: fact misquoted-fact, quote: not found word for word in the text of source tiny-source");
    for (const line of lines) expect(line).toMatch(/^test\/fixtures\/broken-facts\.json:\d+: fact [^,]+, \w+: .+/);
  });

  it("fails with one line for a file that does not exist", () => {
    const { status, stderr } = runCli("facts", ["validate", "nope.json"]);
    expect(status).toBe(1);
    expect(stderr).toMatch(/^nope\.json: file, \(file\): cannot be read/);
  });

  it("exports the whole base as JSON", () => {
    const { status, stdout } = runCli("facts", ["export"]);
    expect(status).toBe(0);
    const base = JSON.parse(stdout) as { sources: Record<string, unknown>[]; facts: Record<string, unknown>[] };
    expect(base.sources[0]).toMatchObject({ id: "china-russia-trade-northeast-2023", url: null, publisher: null });
    expect(base.facts[0]).toHaveProperty("status", "active");
    for (const key of ["id", "statement", "quote", "sourceId", "attribution", "topic", "status"]) expect(base.facts[0]).toHaveProperty(key);
  });

  it("rejects an unknown command with exit code 2", () => {
    const { status, stderr } = runCli("facts", ["frobnicate"]);
    expect(status).toBe(2);
    expect(stderr).toMatch(/^facts: unknown command "frobnicate"\. Usage:/);
  });
});

describe("npm run eval", () => {
  it("prints right/total for each kind, and the misses with --verbose", () => {
    const { status, stdout } = runCli("eval", ["test/fixtures/questions.holdout.jsonl", "--verbose"]);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^answer +\d+\/40$/m);
    expect(stdout).toMatch(/^offtopic +\d+\/10$/m);
    expect(stdout).toMatch(/^nearmiss +\d+\/10$/m);
    const misses = stdout.split("\n").filter((line) => line.startsWith("MISS"));
    const [, right = "0"] = /^nearmiss +(\d+)/m.exec(stdout) ?? [];
    expect(misses.filter((line) => line.startsWith("MISS [nearmiss]"))).toHaveLength(10 - Number(right));
  });

  it("rejects a missing file argument with exit code 2", () => {
    expect(runCli("eval", []).status).toBe(2);
  });
});
