import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { articleTextFromBytes, checkArticleText, decodeArticleBytes, firstInvalidUtf8Byte, MAX_ARTICLE_BYTES } from "../../src/knowledge/source-text.js";

const ARTICLE = [
  "HARBIN, Nov. 20 (Northeast Wire) -- Trade between Heilongjiang and Russia rose 18.2 percent to 177.85 billion yuan in the first 10 months, according to Harbin Customs.",
  "",
  "\"The bridge has changed the pace of trade. Freight that took a week now crosses in two days,\" said Li Ming, a customs official.",
].join("\n");
const bytes = (text: string) => new TextEncoder().encode(text);
const refusal = (result: { ok: boolean; error?: string }) => (result.ok ? "accepted" : result.error);

describe("decodeArticleBytes", () => {
  it("decodes UTF-8 with Chinese and Russian names, and drops a byte-order mark", () => {
    const text = "Харбин and 哈尔滨 traded more.";
    expect(decodeArticleBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes(text)]))).toEqual({ ok: true, value: text });
  });

  it("refuses an invalid byte, naming its offset and value, and replaces nothing", () => {
    const latin1 = Uint8Array.from([...bytes("Caf"), 0xe9, ...bytes(" du commerce.")]);
    expect(refusal(decodeArticleBytes(latin1, "notes.txt"))).toBe("notes.txt is not valid UTF-8: byte 3 (0xe9) is not; save it as UTF-8 and try again.");
  });

  it("finds the first byte of a broken sequence: truncated, overlong, surrogate, above U+10FFFF, stray continuation", () => {
    const at = (...raw: number[]) => firstInvalidUtf8Byte(Uint8Array.from([0x41, 0x42, ...raw]));
    expect(at(0xe4, 0xb8)).toBe(2);
    expect(at(0xc0, 0xaf)).toBe(2);
    expect(at(0xed, 0xa0, 0x80)).toBe(2);
    expect(at(0xf4, 0x90, 0x80, 0x80)).toBe(2);
    expect(at(0x80)).toBe(2);
    expect(at(0xe4, 0xb8, 0xad, 0x41, 0xff)).toBe(6);
    expect(at(0xf0, 0x9f, 0x98, 0x80)).toBe(6);
  });

  it("refuses more than 200 KB before decoding", () => {
    expect(refusal(decodeArticleBytes(new Uint8Array(MAX_ARTICLE_BYTES + 1).fill(0x61)))).toBe("The file is 201 KB; a source's text may be at most 200 KB.");
  });
});

describe("checkArticleText", () => {
  it("takes a wire article, trimmed", () => {
    expect(checkArticleText(`\n  ${ARTICLE}  \n`)).toEqual({ ok: true, value: ARTICLE });
  });

  it("takes an article in Chinese", () => {
    expect(checkArticleText("黑龙江省与俄罗斯的贸易额在前十个月增长了百分之十八。").ok).toBe(true);
  });

  it("refuses empty text", () => {
    expect(refusal(checkArticleText(" \n\t "))).toBe("The text is empty.");
  });

  it("refuses page furniture without a sentence", () => {
    const junk = "Home > Business > Trade\nShare | Facebook | X | WeChat\nComment Template\nMost popular\n1. Gold prices hit record";
    expect(refusal(checkArticleText(junk))).toBe("The text has no sentence in it (only headings, menus or buttons?): that is not article text.");
  });

  it("refuses a wall of words without sentence punctuation, saying where it starts", () => {
    const wall = `${ARTICLE}\n\n${"trade rose again and again ".repeat(7000)}`;
    expect(refusal(checkArticleText(wall))).toBe(
      `The text runs 188,999 characters without a sentence ending (from character ${ARTICLE.length + 2}): that is not article text.`,
    );
  });

  it("refuses HTML passed as text", () => {
    const html = readFileSync(new URL("../sources/fixtures/wire-article.html", import.meta.url), "utf8");
    expect(refusal(checkArticleText(html))).toMatch(/^The text is HTML, not article text: save the article's words as plain text, or in Discord give the page's link/);
    expect(refusal(checkArticleText(`<p>${ARTICLE}</p>\n<p>More.</p><div>x</div>`))).toMatch(/is HTML/);
  });

  it("refuses a word mixing alphabets (a Cyrillic look-alike in a Latin word)", () => {
    expect(refusal(checkArticleText(ARTICLE.replace("Russia", "Russiа")))).toBe(
      "The text has a word mixing alphabets, “Russiа” at character 67: retype it in one alphabet (a look-alike letter would make quotes from it unfindable).",
    );
  });

  it("refuses more than 200 KB of text", () => {
    expect(refusal(checkArticleText(`${ARTICLE}\n\n`.repeat(800)))).toMatch(/^The text is 2\d\d KB; a source's text may be at most 200 KB\.$/);
  });
});

describe("articleTextFromBytes", () => {
  it("checks the decoded text too", () => {
    expect(refusal(articleTextFromBytes(bytes("<html><body><p>Hi.</p></body></html>"), "page.txt"))).toMatch(/^page\.txt is HTML/);
    expect(articleTextFromBytes(bytes(ARTICLE))).toEqual({ ok: true, value: ARTICLE });
  });
});
