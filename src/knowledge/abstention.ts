import type { AskedWord } from "../i18n/asked-words.js";
import { stringsFor, type Strings } from "../i18n/strings.js";
import type { SlotMiss } from "./slots.js";

/** Why the engine gave no answer: for the asker, for `eval --verbose`, and for moderators reading gaps. */
export type Abstention =
  | { reason: "nothing-asked" }
  | { reason: "unknown-name"; name: string }
  | { reason: "no-match"; unplaced: readonly string[] }
  | { reason: "slot"; factId: string; miss: SlotMiss };

/**
 * One plain sentence, in the strings' language (English unless given), saying why there is no answer. The engine's
 * words are shown as `asked` gives them (as they are, unless given); a reason whose words it cannot give is said
 * without them.
 */
export function describeAbstention(abstention: Abstention, s: Strings = stringsFor("en"), asked: AskedWord = (word) => word): string {
  switch (abstention.reason) {
    case "nothing-asked":
      return s.whyNothingAsked;
    case "unknown-name":
      return withWord(asked(abstention.name), s.whyUnknownName, s.whyWithoutWords.unknownName);
    case "no-match": {
      const shown = [...new Set(abstention.unplaced.map(asked).filter((word) => word !== undefined))];
      return shown.length > 0 ? s.whyNoFactCovers(shown) : s.whyNoSingleFact;
    }
    case "slot":
      return describeMiss(abstention.miss, s, asked);
  }
}

function describeMiss(miss: SlotMiss, s: Strings, asked: AskedWord): string {
  const without = s.whyWithoutWords;
  switch (miss.slot) {
    case "name":
      return withWord(asked(miss.name), s.whyNotAbout, without.notAbout);
    case "answer-type":
      return s.whyAnswerType(s.answerTypes[miss.type]);
    case "counted":
      return withWord(asked(miss.counted), s.whyCounted, without.counted);
    case "period":
      return withWord(asked(miss.period), s.whyPeriod, without.period);
    case "speaker":
      return withWord(asked(miss.speaker), s.whySpeaker, without.speaker);
    case "opposite": {
      const [one, other] = [asked(miss.asked), asked(miss.stated)];
      return one !== undefined && other !== undefined ? s.whyOpposite(one, other) : without.opposite;
    }
    case "word":
      return withWord(asked(miss.word), s.whyWord, without.word);
  }
}

function withWord(word: string | undefined, sentence: (word: string) => string, withoutIt: string): string {
  return word === undefined ? withoutIt : sentence(word);
}
