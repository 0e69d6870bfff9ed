import { FIELD_COUNT, isRepeatedField, type FactTexts } from "./fact-reading.js";

/**
 * Facts' texts packed to hand to another thread without copying them one by one: each distinct text once, in
 * UTF-8 in one buffer (most texts repeat: keywords, entities, topics, attributions), and for each fact and field
 * which texts it has.
 */
export interface PackedTexts {
  bytes: Uint8Array<ArrayBuffer>;
  /** The length of each distinct text, in UTF-16 code units as JavaScript counts it. */
  lengths: Int32Array<ArrayBuffer>;
  /** Each text of each fact, in order, as its number among the distinct texts. */
  texts: Int32Array<ArrayBuffer>;
  /** For each fact, for each field, how many texts it has. */
  counts: Int32Array<ArrayBuffer>;
}

/** `texts` gives each fact's texts when it is packed: made for all facts at once, they would outlive their use. */
export function packTexts<T>(facts: readonly T[], texts: (fact: T) => FactTexts): PackedTexts {
  const numbers = new Map<string, number>();
  const distinct: string[] = [];
  const numbered: number[] = [];
  const counts = new Int32Array(facts.length * FIELD_COUNT);
  const repeated = Array.from({ length: FIELD_COUNT }, (_, at) => isRepeatedField(at));
  let field = 0;
  for (const fact of facts) {
    texts(fact).forEach((fieldTexts, at) => {
      counts[field++] = fieldTexts.length;
      for (const text of fieldTexts) {
        // Statements, quotes and questions are each a fact's own: looking them up would only cost.
        let number = repeated[at] ? numbers.get(text) : undefined;
        if (number === undefined) {
          number = distinct.push(text) - 1;
          if (repeated[at]) numbers.set(text, number);
        }
        numbered.push(number);
      }
    });
  }
  const encoder = new TextEncoder();
  const bytes = new Uint8Array(distinct.reduce((sum, text) => sum + Buffer.byteLength(text), 0));
  let at = 0;
  for (const text of distinct) at += encoder.encodeInto(text, bytes.subarray(at)).written;
  return { bytes, lengths: Int32Array.from(distinct, (text) => text.length), texts: Int32Array.from(numbered), counts };
}

/** Each fact's texts in turn, made as it is read. */
export function* unpackTexts({ bytes, lengths, texts, counts }: PackedTexts): Generator<FactTexts> {
  const joined = new TextDecoder().decode(bytes);
  let at = 0;
  const distinct = Array.from(lengths, (length) => joined.slice(at, (at += length)));
  let text = 0;
  for (let field = 0; field < counts.length; field += FIELD_COUNT) {
    const fact: string[][] = [];
    for (let at = field; at < field + FIELD_COUNT; at++) {
      const fieldTexts: string[] = [];
      for (let n = counts[at]!; n > 0; n--) fieldTexts.push(distinct[texts[text++]!]!);
      fact.push(fieldTexts);
    }
    yield fact;
  }
}
