import { err, ok, type Result } from "../result.js";

/** The most text a source may hold, in bytes of UTF-8. */
export const MAX_ARTICLE_BYTES = 200 * 1024;
/** The longest stretch of article text allowed without a sentence ending or a paragraph break. */
const MAX_UNPUNCTUATED = 3000;

const utf8 = new TextDecoder("utf-8", { fatal: true });
const SENTENCE_END = /[.!?。！？…]["'”’»)\]]*(?=\s|$)/u;
const HTML_TAG = /<\/?(?:html|head|body|div|p|span|a|br|script|style|meta|link|table|tr|td|li|ul|img|article|section|header|footer|nav|h[1-6])\b[^<>]*>/gi;
const WORD = /[\p{L}\p{M}]+/gu;

/**
 * The text of a file a moderator hands in, as UTF-8: decoded strictly, so a file with an invalid byte is refused
 * naming where, and nothing is ever replaced.
 */
export function decodeArticleBytes(bytes: Uint8Array, name = "The file"): Result<string, string> {
  if (bytes.byteLength > MAX_ARTICLE_BYTES) return err(`${name} is ${kilobytes(bytes.byteLength)}; a source's text may be at most ${kilobytes(MAX_ARTICLE_BYTES)}.`);
  return decodeUtf8(bytes, name);
}

/** Bytes as UTF-8, strictly: an invalid byte is named, never replaced. */
export function decodeUtf8(bytes: Uint8Array, name: string, remedy = "save it as UTF-8 and try again"): Result<string, string> {
  try {
    return ok(utf8.decode(bytes));
  } catch {
    const offset = firstInvalidUtf8Byte(bytes);
    return err(`${name} is not valid UTF-8: byte ${offset} (0x${(bytes[offset] ?? 0).toString(16).padStart(2, "0")}) is not; ${remedy}.`);
  }
}

/**
 * The one set of rules for a source's text, wherever it comes from (a form, a .txt file, a fetched page, the command
 * line, an import). Whether a text can be a source's text: not empty, at most 200 KB, not HTML, made of sentences (not only page
 * furniture, not a wall without sentence punctuation), no word mixing alphabets. Returns the text trimmed.
 */
export function checkArticleText(text: string, name = "The text"): Result<string, string> {
  const trimmed = text.trim();
  if (!trimmed) return err(`${name} is empty.`);
  const bytes = Buffer.byteLength(trimmed);
  if (bytes > MAX_ARTICLE_BYTES) return err(`${name} is ${kilobytes(bytes)}; a source's text may be at most ${kilobytes(MAX_ARTICLE_BYTES)}.`);
  if (/^\s*<(?:!doctype|html)\b/i.test(trimmed) || (trimmed.match(HTML_TAG)?.length ?? 0) >= 3) {
    return err(`${name} is HTML, not article text: save the article's words as plain text, or in Discord give the page's link (the url option) and the article is taken out of the page.`);
  }
  const mixed = mixedScriptWord(trimmed);
  if (mixed) return err(`${name} has a word mixing alphabets, “${mixed.word}” at character ${mixed.index}: retype it in one alphabet (a look-alike letter would make quotes from it unfindable).`);
  const wall = longestUnpunctuated(trimmed);
  if (wall.length > MAX_UNPUNCTUATED) {
    return err(`${name} runs ${wall.length.toLocaleString("en")} characters without a sentence ending (from character ${wall.start}): that is not article text.`);
  }
  if (!hasSentence(trimmed)) return err(`${name} has no sentence in it (only headings, menus or buttons?): that is not article text.`);
  return ok(trimmed);
}

/** Both checks, for a file: UTF-8 first, then the text. */
export function articleTextFromBytes(bytes: Uint8Array, name = "The file"): Result<string, string> {
  const decoded = decodeArticleBytes(bytes, name);
  return decoded.ok ? checkArticleText(decoded.value, name) : decoded;
}

function kilobytes(bytes: number): string {
  return `${Math.ceil(bytes / 1024).toLocaleString("en")} KB`;
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence (Unicode, table 3-7). */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    const [length, low, high] =
      lead < 0x80 ? [1, 0, 0]
      : lead >= 0xc2 && lead <= 0xdf ? [2, 0x80, 0xbf]
      : lead === 0xe0 ? [3, 0xa0, 0xbf]
      : lead === 0xed ? [3, 0x80, 0x9f]
      : lead >= 0xe1 && lead <= 0xef ? [3, 0x80, 0xbf]
      : lead === 0xf0 ? [4, 0x90, 0xbf]
      : lead === 0xf4 ? [4, 0x80, 0x8f]
      : lead >= 0xf1 && lead <= 0xf3 ? [4, 0x80, 0xbf]
      : [0, 0, 0];
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const byte = bytes[i + k];
      const [min, max] = k === 1 ? [low, high] : [0x80, 0xbf];
      if (byte === undefined || byte < min || byte > max) return i;
    }
    i += length;
  }
  return bytes.length;
}

/** The longest stretch with neither a sentence ending nor a blank line, and where it starts. */
function longestUnpunctuated(text: string): { start: number; length: number } {
  let longest = { start: 0, length: 0 };
  let start = 0;
  const boundary = new RegExp(`${SENTENCE_END.source}|\\n\\s*\\n`, "gu");
  for (const match of [...text.matchAll(boundary), { index: text.length, 0: "" }]) {
    const length = match.index - start;
    if (length > longest.length) longest = { start, length };
    start = match.index + match[0].length;
  }
  return longest;
}

/** Whether some line holds a sentence: four words or more (eight Han characters), then a sentence ending. */
function hasSentence(text: string): boolean {
  const pieces = text.split(new RegExp(SENTENCE_END.source, "u")).slice(0, -1);
  return pieces.some((piece) => {
    const line = piece.slice(piece.lastIndexOf("\n") + 1);
    return (line.match(WORD)?.length ?? 0) >= 4 || (line.match(/\p{Script=Han}/gu)?.length ?? 0) >= 8;
  });
}

/** The first word with letters from two of Latin, Cyrillic and Greek (a look-alike letter slipped in). */
function mixedScriptWord(text: string): { word: string; index: number } | undefined {
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    const scripts = [/\p{Script=Latin}/u, /\p{Script=Cyrillic}/u, /\p{Script=Greek}/u].filter((script) => script.test(word));
    if (scripts.length > 1) return { word, index: match.index };
  }
  return undefined;
}
