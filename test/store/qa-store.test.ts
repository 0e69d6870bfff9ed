import { describe, expect, it } from "vitest";
import { openSeededStore, tempDbPath } from "../support/temp-db.js";

const CHANNEL = "223456789012345678";
const GUILD = "323456789012345678";

describe("Q&A channel settings", () => {
  it("opts a channel in, changes its mode, opts it out, and audits each change, surviving a reopen", () => {
    const path = tempDbPath();
    const store = openSeededStore(path);
    expect(store.qa.setChannel(CHANNEL, GUILD, "shadow", "mod-a")).toBe("added");
    expect(store.qa.setChannel(CHANNEL, GUILD, "shadow", "mod-a")).toBe("unchanged");
    expect(store.qa.setChannel(CHANNEL, GUILD, "answer-only", "mod-b")).toBe("changed");
    store.close();

    const reopened = openSeededStore(path);
    expect(reopened.qa.channels()).toMatchObject([{ channelId: CHANNEL, guildId: GUILD, mode: "answer-only", updatedBy: "mod-b" }]);
    expect(reopened.qa.modeOf(CHANNEL)).toBe("answer-only");
    expect(reopened.qa.removeChannel(CHANNEL, "mod-c")).toBe(true);
    expect(reopened.qa.removeChannel(CHANNEL, "mod-c")).toBe(false);
    expect(reopened.qa.channels()).toEqual([]);
    expect(reopened.qa.modeOf(CHANNEL)).toBeUndefined();
    expect(reopened.qa.changes().map(({ modeBefore, modeAfter, actor }) => [modeBefore, modeAfter, actor])).toEqual([
      ["answer-only", null, "mod-c"],
      ["shadow", "answer-only", "mod-b"],
      [null, "shadow", "mod-a"],
    ]);
    reopened.close();
  });

  it("refuses a mode the bot does not know, changing nothing", () => {
    const store = openSeededStore(tempDbPath());
    expect(() => store.qa.setChannel(CHANNEL, GUILD, "loud" as never, "mod-a")).toThrow();
    expect(store.qa.channels()).toEqual([]);
    expect(store.qa.changes()).toEqual([]);
    store.close();
  });
});

describe("answers given unasked", () => {
  const answer = { questionId: "q1", channelId: CHANNEL, askerId: "asker", factId: "vladivostok-largest-far-east-port", route: "channel" as const, outcome: "answered" as const };

  it("counts answers, votes, removals and calls for a human per channel, each removal and call once", () => {
    const store = openSeededStore(tempDbPath());
    store.qa.recordAutoAnswer({ ...answer, replyId: "r1" });
    store.qa.recordAutoAnswer({ ...answer, replyId: "r1" });
    store.qa.recordAutoAnswer({ ...answer, replyId: "r2", outcome: "shadow", factId: null });
    store.qa.recordAutoAnswer({ ...answer, replyId: "r3", route: "mention" });
    store.qa.countVote("r1", true);
    expect(store.qa.markHumanAsked("r1")).toBe(true);
    expect(store.qa.markHumanAsked("r1")).toBe(false);
    expect(store.qa.markRemoved("r1", "asker")).toBe(true);
    expect(store.qa.markRemoved("r1", "mod")).toBe(false);
    expect(store.qa.autoAnswer("r1")).toMatchObject({ askerId: "asker", route: "channel" });
    expect(store.qa.channelStats()).toEqual([
      { channelId: CHANNEL, answered: 1, misses: 0, shadow: 1, helpful: 1, notHelpful: 1, removed: 1, humanAsked: 1 },
    ]);
    store.close();
  });
});
