import { describe, expect, it } from "vitest";
import { displayableQuery } from "../../src/knowledge/answer-view.js";
import { truncate } from "../../src/truncate.js";

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe("cutting text to a limit", () => {
  it("never leaves half an emoji, a flag or a letter without its accent", () => {
    for (let max = 2; max < 40; max++) {
      for (const text of ["🚂".repeat(30), `a${"🇨🇳🇷🇺".repeat(10)}`, "👩‍👩‍👧‍👦 family ".repeat(5), "e\u0301".repeat(30)]) {
        const cut = truncate(text, max);
        expect(cut.length, `${max} ${text}`).toBeLessThanOrEqual(max);
        expect(cut, `${max} ${text}`).not.toMatch(loneSurrogate);
        expect(cut.endsWith("…")).toBe(true);
        expect(text.startsWith(cut.slice(0, -1).trimEnd())).toBe(true);
        expect((cut.match(/[🇦-🇿]/gu)?.length ?? 0) % 2, `${max}: a flag is two regional indicators`).toBe(0);
      }
    }
    expect(truncate("short", 10)).toBe("short");
  });

  it("echoes a long question with an emoji at the cut whole", () => {
    const echoed = displayableQuery(`${"x".repeat(198)}🚂🚂`, 200);
    expect(echoed).not.toMatch(loneSurrogate);
    expect(echoed).toBe(`${"x".repeat(198)}…`);
  });
});
