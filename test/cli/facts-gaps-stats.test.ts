import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderGaps, renderStats } from "../../src/discord/render-admin.js";
import { usageReport } from "../../src/knowledge/store/usage-report.js";
import { freshTempDir, runCli, type CliRun } from "../support/run-cli.js";
import { openSeededStore } from "../support/temp-db.js";

const HUB = "northeast-china-trade-hub";
const CAPITAL = "shenyang-capital-of-liaoning";
const FORUM = "1100000000000000099";

let dir: string;
let env: NodeJS.ProcessEnv;

/** A database with questions, votes and a Q&A channel's answer, written as the bot writes them. */
beforeAll(() => {
  dir = freshTempDir();
  env = { DATABASE_PATH: join(dir, "trade-facts.db") };
  let now = new Date("2026-11-01T08:00:00.000Z");
  const store = openSeededStore(env.DATABASE_PATH, () => now);
  for (let i = 0; i < 3; i++) store.feedback.recordAsks([{ question: "How many penguins live in Antarctica?", factId: null }]);
  now = new Date("2026-11-28T08:00:00.000Z");
  store.feedback.recordAsks([{ question: "what is the GDP of india", factId: null }]);
  store.feedback.recordAsks([{ question: "What is the capital of Liaoning?", factId: CAPITAL }]);
  store.feedback.recordAsks([{ question: "capital of liaoning", factId: CAPITAL }]);
  store.feedback.recordAsks([{ question: "Why does northeast China matter for trade?", factId: HUB }]);
  store.feedback.vote(HUB, "user-1", false);
  store.feedback.vote(HUB, "user-2", false);
  store.feedback.vote(CAPITAL, "user-1", true);
  store.qa.recordAutoAnswer({ replyId: "1", questionId: "2", channelId: FORUM, askerId: "3", factId: null, route: "forum-post", outcome: "shadow" });
  store.close();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function facts(...args: string[]): CliRun {
  return runCli("facts", args, undefined, env);
}

/** The figures `/trade-admin` renders for the same database. */
function inDiscord<T>(render: (store: ReturnType<typeof openSeededStore>) => T): T {
  const store = openSeededStore(env.DATABASE_PATH);
  try {
    return render(store);
  } finally {
    store.close();
  }
}

describe("npm run facts -- gaps", () => {
  it("lists the most asked unanswered questions with counts and last dates, then the most down-voted answers", () => {
    const { status, stdout, stderr } = facts("gaps");
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(stdout.trimEnd().split("\n")).toEqual([
      "Most asked, not answered:",
      "     3×  How many penguins live in Antarctica?  (last 2026-11-01)",
      "     1×  what is the GDP of india  (last 2026-11-28)",
      "Most down-voted answers:",
      expect.stringMatching(new RegExp(`^  ${HUB}  2 not helpful, 0 helpful — Northeast China has gained`)),
    ]);
    const discord = inDiscord((store) => renderGaps(store.feedback.gaps()));
    expect(discord.embeds?.[0]?.description).toContain("**3×** How many penguins live in Antarctica? _(last 2026-11-01)_");
    expect(discord.embeds?.[1]?.description).toContain(`\`${HUB}\` 👎 2 · 👍 0`);
  });

  it("with --limit N --json prints one JSON object with the first N of each list", () => {
    const { status, stdout } = facts("gaps", "--limit", "1", "--json");
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      unanswered: [{ question: "How many penguins live in Antarctica?", count: 3, firstSeen: "2026-11-01T08:00:00.000Z", lastSeen: "2026-11-01T08:00:00.000Z" }],
      downvoted: [{ id: HUB, statement: expect.stringMatching(/^Northeast China/) as string, helpful: 0, notHelpful: 2 }],
    });
  });
});

describe("npm run facts -- stats", () => {
  it("shows questions asked, the share answered, votes, the most used facts and the Q&A channels, as /trade-admin stats does", () => {
    const { status, stdout } = facts("stats");
    expect(status).toBe(0);
    expect(stdout.trimEnd().split("\n")).toEqual([
      "Questions asked: 7",
      "Answered: 3 (43%)",
      "Feedback: 1 helpful, 2 not helpful",
      "Most used facts:",
      `  ${CAPITAL} ×2`,
      `  ${HUB} ×1`,
      "Answers in Q&A channels:",
      `  ${FORUM}: 0 answered, 1 would have been (shadow), 0 misses posted, 0 helpful, 0 not helpful, removed 0, human asked 0`,
    ]);
    const embed = inDiscord((store) => renderStats(usageReport(store))).embeds?.[0];
    const field = (name: string) => embed?.fields?.find((candidate) => candidate.name === name)?.value;
    expect([field("Questions asked"), field("Answered"), field("Feedback")]).toEqual(["7", "3 (43%)", "👍 1 · 👎 2"]);
  });

  it("with --json prints the same figures as one JSON object", () => {
    const { status, stdout } = facts("stats", "--json");
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      asked: 7,
      answered: 3,
      answeredPercent: 43,
      helpful: 1,
      notHelpful: 2,
      topFacts: [
        { id: CAPITAL, answers: 2 },
        { id: HUB, answers: 1 },
      ],
      channels: [{ channelId: FORUM, answered: 0, misses: 0, shadow: 1, helpful: 0, notHelpful: 0, removed: 0, humanAsked: 0 }],
    });
  });

  it("says so when nothing has been asked yet", () => {
    const { status, stdout } = runCli("facts", ["stats"]);
    expect(status).toBe(0);
    expect(stdout).toBe("Questions asked: 0\nAnswered: 0 (—)\nFeedback: 0 helpful, 0 not helpful\nMost used facts:\n  none yet\n");
  });
});

describe("usage errors", () => {
  it.each([
    ["a limit of 0", ["gaps", "--limit", "0"], /^facts: --limit must be a whole number from 1 to 999999, not "0"\./],
    ["a limit that is not a number", ["gaps", "--limit", "ten"], /^facts: --limit must be a whole number from 1 to 999999, not "ten"\./],
    ["--limit without a value", ["gaps", "--limit"], /^facts: option --limit <value> needs a value\./],
    ["--limit with stats", ["stats", "--limit", "3"], /^facts: --limit only goes with gaps\./],
    ["--json with list", ["list", "--json"], /^facts: --json only goes with gaps, stats or proposals\./],
    ["an argument to stats", ["stats", "all"], /^facts: too many arguments for stats\./],
  ])("rejects %s with one line and exit code 2", (_name, args, message) => {
    const { status, stdout, stderr } = facts(...args);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(message);
    expect(stderr).toContain("gaps [--limit N] [--json] | stats [--json]");
  });
});
