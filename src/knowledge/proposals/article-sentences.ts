import sbd from "sbd";

/** A sentence of an article, where it is in the text (offsets into the source text, so quotes stay verbatim). */
export interface ArticleSentence {
  text: string;
  start: number;
  /** The paragraph (line) it belongs to, counted from 0. */
  paragraph: number;
  /** A transcript's speaker label ("SILUANOV:") leading its paragraph, if any. */
  speaker: string | null;
}

const MONTH_ABBR = "(?:Jan|Feb|Mar|Apr|May|Jun|June|Jul|July|Aug|Sep|Sept|Oct|Nov|Dec)\\.?";
/** "MOSCOW, Oct. 12 (Reuters) - ", "DALIAN, Nov. 3 (Xinhua) -- ", "BEIJING (AP) — ", "HEIHE, China, Feb. 8 (TASS) - ": where the story starts, not part of a claim. */
const DATELINE = new RegExp(`^[A-Z][A-Z .'-]{1,40}(?:, [A-Z][a-z]+(?: [A-Z][a-z]+)?(?=, ${MONTH_ABBR} ))?(?:, ${MONTH_ABBR} \\d{1,2}(?:, \\d{4})?)?(?: \\([A-Za-z .]+\\))? ?(?:-{1,2}|—|–) ?`);
/** A transcript's speaker label: "SILUANOV: ", "Q: ", "MODERATOR: ". */
const SPEAKER_LABEL = /^([A-Z][A-Z .'-]{0,40}):\s+/;

/** Lines that are page furniture, never an article's claim. */
const JUNK_LINES: readonly RegExp[] = [
  /^comment template$/i,
  /^(?:share|share this (?:article|story)|tweet|facebook|twitter|linkedin|whatsapp|telegram|email|print|copy link|read more|related(?: stories| articles| news)?|advertisement|subscribe(?: to [\w ]+)?|sign up[\w ]*|comments?(?: \(\d+\))?|\d+ comments?|leave a comment|most read|trending|follow us[\w ]*|back to top|skip to (?:main )?content)[.:]?$/i,
  /^\d+ min(?:ute)?s? read$/i,
  /^by [\p{Lu}][\p{L}.'-]+(?: [\p{Lu}][\p{L}.'-]+){0,3}(?:(?:,| and) [\p{Lu}][\p{L}.'-]+(?: [\p{Lu}][\p{L}.'-]+){0,3})*$/u,
  /^by staff(?: writer| reporter)?s?$/i,
  /^\((?:reporting|writing|editing|additional reporting) by\b.*\)$/i,
  /^(?:reporting|writing|editing) by\b/i,
  /^our standards:/i,
  /^(?:copyright|©)/i,
  /(?:all rights reserved)\.?$/i,
  /^(?:file )?photo(?: taken)?\b/i,
  /\((?:photo|xinhua|reuters|ap|afp|tass|ria novosti)\s*\/[^)]*\)\s*$/i,
  /\b(?:REUTERS|AFP|AP Photo|Getty Images|Xinhua)\/[\p{L} ./]+$/u,
  /^(?:published|updated|posted)(?: on)?:?\s/i,
  /\|\s*(?:updated|published):?\s*\d{4}-\d{2}-\d{2}/i,
  /^[\p{L} ]+(?:\s*\|\s*[\p{L} ]+){2,}$/u,
];

/** Whether a whole line is page junk: a widget, a byline, a caption, navigation, a dateline alone, a repeated headline. */
function isJunkLine(line: string, headline: string | undefined): boolean {
  const text = line.trim();
  if (text === "") return true;
  if (headline !== undefined && text === headline) return true;
  if (JUNK_LINES.some((pattern) => pattern.test(text))) return true;
  if (DATELINE.test(text) && text.replace(DATELINE, "").trim() === "") return true;
  return false;
}

/** A line without a sentence end and short: a headline or a label, not prose. */
function isHeadlineLike(line: string): boolean {
  const text = line.trim();
  return !/[.!?"”)]$/.test(text) && text.length < 160;
}

/**
 * The sentences of an article's text, page junk left out: each line is a paragraph, its dateline and speaker label
 * set apart, then split into sentences with sbd (see README: it keeps "Oct. 12", "U.S.", "No. 1" and "$5.83
 * billion" whole, and runs in linear time).
 */
export function articleSentences(text: string, title?: string): ArticleSentence[] {
  const sentences: ArticleSentence[] = [];
  const lines = text.split("\n");
  const headline = lines.find((line) => line.trim() !== "" && isHeadlineLike(line))?.trim();
  let offset = 0;
  let paragraph = 0;
  for (const raw of lines) {
    const lineStart = offset;
    offset += raw.length + 1;
    const line = raw.replace(/\r$/, "");
    if (isJunkLine(line, headline) || isHeadlineLike(line) || (title !== undefined && line.trim() === title.trim())) continue;
    let body = line;
    let bodyStart = lineStart;
    const skip = (length: number) => {
      body = body.slice(length);
      bodyStart += length;
    };
    skip(body.length - body.trimStart().length);
    const dateline = DATELINE.exec(body);
    if (dateline) skip(dateline[0].length);
    const label = SPEAKER_LABEL.exec(body);
    const speaker = label ? label[1]!.trim() : null;
    if (label) skip(label[0].length);
    let cursor = 0;
    for (const piece of sbd.sentences(body, { preserve_whitespace: true })) {
      const sentence = piece.trim();
      if (sentence === "") continue;
      const at = body.indexOf(sentence, cursor);
      if (at < 0) continue;
      cursor = at + sentence.length;
      if (isJunkLine(sentence, headline)) continue;
      sentences.push({ text: sentence, start: bodyStart + at, paragraph, speaker });
    }
    paragraph++;
  }
  return sentences;
}
