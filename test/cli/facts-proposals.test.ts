import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { freshTempDir, ROOT, runCli, type CliRun } from "../support/run-cli.js";

const ARTICLE = `${ROOT}test/fixtures/articles/reuters-harbin-trade.txt`;
const ProposalsJson = z.strictObject({
  proposals: z.array(
    z.strictObject({
      id: z.number().int(),
      sourceId: z.string(),
      status: z.enum(["pending", "accepted", "rejected"]),
      statement: z.string(),
      quote: z.string(),
      attribution: z.string().nullable(),
      topic: z.string(),
      period: z.string().nullable(),
      keywords: z.array(z.string()),
      figures: z.array(z.strictObject({ text: z.string(), value: z.number(), unit: z.string() })),
      coveredBy: z.string().nullable(),
    }),
  ),
});

let dir: string;
let env: NodeJS.ProcessEnv;
beforeEach(() => {
  dir = freshTempDir();
  env = { DATABASE_PATH: join(dir, "trade-facts.db") };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const facts = (...args: string[]): CliRun => runCli("facts", args, undefined, env);
const listed = () => ProposalsJson.parse(JSON.parse(facts("proposals", "--json", "--all").stdout));

describe("facts sources add, proposals, accept, reject", () => {
  it("adds a source with its proposals, lists them in the documented shape, and decides each once", () => {
    const added = facts("sources", "add", ARTICLE, "--id", "reuters-harbin", "--title", "Harbin trade", "--publisher", "Reuters");
    expect(added.status, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/^added source reuters-harbin by cli:.*: \d+ proposals/);
    const { proposals } = ProposalsJson.parse(JSON.parse(facts("proposals", "reuters-harbin", "--json", "--all").stdout));
    expect(proposals.length).toBeGreaterThan(5);
    expect(proposals[0]).toMatchObject({ sourceId: "reuters-harbin", status: "pending", figures: [{ text: "26.3%", value: 26.3, unit: "percent" }, { text: "$176.4 bln", value: 176.4e9, unit: "dollars" }] });

    const [first, second] = proposals;
    const accepted = facts("accept", String(first!.id));
    expect(accepted.status, accepted.stderr).toBe(0);
    expect(accepted.stdout).toMatch(new RegExp(`^accepted proposal ${first!.id}: fact [a-z0-9-]+`));
    const again = facts("accept", String(first!.id));
    expect(again.status).toBe(1);
    expect(again.stdout).toMatch(/not accepted: already accepted by cli:/);
    expect(facts("reject", String(second!.id), "--reason", "opinion").status).toBe(0);
    const after = listed().proposals;
    expect(after.find((proposal) => proposal.id === first!.id)?.status).toBe("accepted");
    expect(after.find((proposal) => proposal.id === second!.id)?.status).toBe("rejected");
    expect(facts("proposals", "reuters-harbin").stdout).not.toContain(`\n${second!.id}  [`);
  });

  it("refuses bad text with one line and stores nothing", () => {
    const bad = join(dir, "bad.txt");
    const cases: [string, Buffer | string, RegExp][] = [
      ["invalid UTF-8", Buffer.concat([Buffer.from("Trade rose 5%. "), Buffer.from([0xff, 0xfe]), Buffer.from(" More.")]), /bad\.txt is not valid UTF-8: byte 15 \(0xff\) is not/],
      ["empty", "", /text: must not be empty/],
      ["only junk", "Share\nBy Anna Petrova\nComment Template\n", /no sentence in it/],
      ["HTML", "<html><body><p>Trade rose 5%.</p></body></html>", /HTML/],
      ["a wall", "trade ".repeat(30_000), /without a sentence end/],
      ["too big", `${"Trade rose. ".repeat(20_000)}`, /at most 200 KB/],
    ];
    for (const [name, content, message] of cases) {
      writeFileSync(bad, content);
      const run = facts("sources", "add", bad, "--id", "bad", "--title", "Bad");
      expect(run.status, name).toBe(1);
      expect(run.stderr.trim().split("\n"), name).toHaveLength(1);
      expect(run.stderr, name).toMatch(message);
    }
    expect(listed().proposals).toEqual([]);
    expect(facts("proposals", "bad").status).toBe(1);
  });
});
