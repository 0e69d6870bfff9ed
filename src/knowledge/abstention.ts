import { stringsFor, type Strings } from "../i18n/strings.js";
import type { SlotMiss } from "./slots.js";

/** Why the engine gave no answer: for the asker, for `eval --verbose`, and for moderators reading gaps. */
export type Abstention =
  | { reason: "nothing-asked" }
  | { reason: "unknown-name"; name: string }
  | { reason: "no-match"; unplaced: readonly string[] }
  | { reason: "slot"; factId: string; miss: SlotMiss };

/** One plain sentence, in the strings' language (English unless given), saying why there is no answer. */
export function describeAbstention(abstention: Abstention, s: Strings = stringsFor("en")): string {
  switch (abstention.reason) {
    case "nothing-asked":
      return s.whyNothingAsked;
    case "unknown-name":
      return s.whyUnknownName(abstention.name);
    case "no-match":
      return abstention.unplaced.length > 0 ? s.whyNoFactCovers(abstention.unplaced) : s.whyNoSingleFact;
    case "slot":
      return describeMiss(abstention.miss, s);
  }
}

function describeMiss(miss: SlotMiss, s: Strings): string {
  switch (miss.slot) {
    case "name":
      return s.whyNotAbout(miss.name);
    case "answer-type":
      return s.whyAnswerType(s.answerTypes[miss.type]);
    case "counted":
      return s.whyCounted(miss.counted);
    case "period":
      return s.whyPeriod(miss.period);
    case "speaker":
      return s.whySpeaker(miss.speaker);
    case "opposite":
      return s.whyOpposite(miss.asked, miss.stated);
    case "word":
      return s.whyWord(miss.word);
  }
}
