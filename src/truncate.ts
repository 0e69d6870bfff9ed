const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

/**
 * Cuts text to at most `max` UTF-16 code units, marking the cut with an ellipsis. Cuts only between graphemes, so
 * an emoji (a surrogate pair, a flag, a family joined with ZWJ) or a letter with its accents is never split.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = "";
  for (const { segment } of graphemes.segment(text.slice(0, max + 16))) {
    if (cut.length + segment.length > max - 1) break;
    cut += segment;
  }
  return `${cut.trimEnd()}…`;
}
