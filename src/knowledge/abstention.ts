import type { SlotMiss } from "./slots.js";

/** Why the engine gave no answer: for the asker, for `eval --verbose`, and for moderators reading gaps. */
export type Abstention =
  | { reason: "nothing-asked" }
  | { reason: "unknown-name"; name: string }
  | { reason: "no-match"; unplaced: readonly string[] }
  | { reason: "slot"; factId: string; miss: SlotMiss };

const TYPE_WORDS: Record<string, string> = {
  amount: "an amount",
  count: "a count",
  change: "a change (by how much)",
  date: "a date or period",
  speaker: "who said it",
  place: "a place",
  reason: "a reason",
};

/** One plain sentence saying why there is no answer. */
export function describeAbstention(abstention: Abstention): string {
  switch (abstention.reason) {
    case "nothing-asked":
      return "There is no question to answer.";
    case "unknown-name":
      return `The fact base knows nothing about “${abstention.name}”.`;
    case "no-match":
      return abstention.unplaced.length > 0
        ? `No fact covers ${abstention.unplaced.map((word) => `“${word}”`).join(", ")}.`
        : "No single fact covers enough of the question.";
    case "slot":
      return describeMiss(abstention.miss);
  }
}

function describeMiss(miss: SlotMiss): string {
  switch (miss.slot) {
    case "name":
      return `The closest fact is not about ${miss.name}.`;
    case "answer-type":
      return `The question asks for ${TYPE_WORDS[miss.type] ?? miss.type}; the closest fact does not state one.`;
    case "counted":
      return `The question counts ${miss.counted}; the closest fact does not count those.`;
    case "period":
      return `The question asks about ${miss.period}; the closest fact is about another period.`;
    case "speaker":
      return `The question asks what ${miss.speaker} said; the closest fact is not attributed to ${miss.speaker}.`;
    case "opposite":
      return `The question asks about ${miss.asked}; the closest fact is about ${miss.stated}.`;
    case "word":
      return `The question asks about “${miss.word}”; the closest fact does not state it.`;
  }
}
