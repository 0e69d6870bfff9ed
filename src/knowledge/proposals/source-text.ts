import { err, ok, type Result } from "../../result.js";
import { hasArticleSentences } from "./propose.js";

/** The most text a source may hold: a long feature is about 60 KB. */
export const MAX_SOURCE_BYTES = 200 * 1024;

/** A sentence of an article is rarely longer: a text with a stretch this long and no sentence end is not prose. */
const LONGEST_SENTENCE = 2_000;

/** The bytes of a text file as UTF-8, refused (naming the offset of the first bad byte) rather than repaired. */
export function decodeSourceBytes(bytes: Uint8Array): Result<string, string> {
  if (bytes.length > MAX_SOURCE_BYTES) return err(`the text is ${kb(bytes.length)}; a source holds at most ${kb(MAX_SOURCE_BYTES)}`);
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return ok(text.startsWith("\uFEFF") ? text.slice(1) : text);
  } catch {
    return err(`the text is not valid UTF-8: the first bad byte is at offset ${firstInvalidByte(bytes)}; save it as UTF-8 and try again`);
  }
}

/** Why a text cannot be a source's text (too long, empty, HTML, no sentences), or undefined when it can. */
export function sourceTextProblem(text: string): string | undefined {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_SOURCE_BYTES) return `the text is ${kb(bytes)}; a source holds at most ${kb(MAX_SOURCE_BYTES)}`;
  if (text.trim() === "") return "the text is empty";
  if (/<(?:html|head|body|div|p|span|script|article|!doctype)\b[^>]*>/i.test(text)) return "the text is HTML, not plain text: give the article's URL, or paste the article's words";
  if (new RegExp(`[^.!?。\\n]{${LONGEST_SENTENCE},}`, "u").test(text)) return `the text has more than ${LONGEST_SENTENCE} characters without a sentence end: it is not an article's prose`;
  if (!hasArticleSentences(text)) return "the text holds no article sentence, only page junk (headlines, bylines, captions, share buttons)";
  return undefined;
}

function kb(bytes: number): string {
  return `${Math.ceil(bytes / 1024)} KB`;
}

/** Where UTF-8 decoding first fails: a stray continuation byte, a lead byte without its continuations, or an overlong/surrogate form. */
function firstInvalidByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const length = utf8SequenceLength(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return bytes.length;
}

function utf8SequenceLength(bytes: Uint8Array, at: number): number {
  const lead = bytes[at]!;
  if (lead < 0x80) return 1;
  const [length, min, max] = lead >= 0xc2 && lead <= 0xdf ? [2, 0x80, 0xbf] : lead === 0xe0 ? [3, 0xa0, 0xbf] : lead === 0xed ? [3, 0x80, 0x9f] : lead >= 0xe1 && lead <= 0xef ? [3, 0x80, 0xbf] : lead === 0xf0 ? [4, 0x90, 0xbf] : lead === 0xf4 ? [4, 0x80, 0x8f] : lead >= 0xf1 && lead <= 0xf3 ? [4, 0x80, 0xbf] : [0, 0, 0];
  if (length === 0) return 0;
  for (let k = 1; k < length; k++) {
    const byte = bytes[at + k];
    if (byte === undefined) return 0;
    if (k === 1 ? byte < min || byte > max : byte < 0x80 || byte > 0xbf) return 0;
  }
  return length;
}
