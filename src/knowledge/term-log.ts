/** Facts read into a log, as plain arrays another thread can hand over. */
export interface LoggedFacts {
  terms: string[];
  ids: Int32Array<ArrayBuffer>;
  weights: Float32Array<ArrayBuffer>;
  /** Where each fact's terms end in `ids`. */
  ends: Int32Array<ArrayBuffer>;
}

/** A little more than a fact has: about 30 terms without translations, 40 with Russian and Chinese (the seed, generated bases). */
const TERMS_PER_FACT = 48;

/**
 * The index terms of one fact after another, each term once per fact with the weight of the best field it appears
 * in. Terms are numbered the first time any fact uses them, and every fact's term numbers go into one flat log:
 * reading a fact costs no Map of its own, and a fact's list of terms is only made when a question needs it.
 */
export class TermLog {
  /** Each term, at its number. */
  readonly terms: string[] = [];
  private readonly numbers = new Map<string, number>();
  private ids: Int32Array<ArrayBuffer>;
  private weights: Float32Array<ArrayBuffer>;
  private length = 0;
  /** Where each fact's terms end in the log. */
  private readonly ends: number[] = [];
  /** For each term number, the fact that last used it (its number + 1) and where it stands in the log. */
  private lastFact = new Int32Array(1024);
  private position = new Int32Array(1024);

  /** `facts`: how many facts will be read, to size the log so that it seldom grows. */
  constructor(facts: number) {
    const capacity = Math.max(1024, facts * TERMS_PER_FACT);
    this.ids = new Int32Array(capacity);
    this.weights = new Float32Array(capacity);
  }

  /** The number of a term, given the first time it is seen. */
  numberOf(term: string): number {
    let number = this.numbers.get(term);
    if (number === undefined) {
      number = this.terms.length;
      this.numbers.set(term, number);
      this.terms.push(term);
      if (number === this.lastFact.length) {
        this.lastFact = grown(this.lastFact);
        this.position = grown(this.position);
      }
    }
    return number;
  }

  /** How many distinct terms the fact being read has so far. */
  get count(): number {
    return this.length - this.factStart();
  }

  /** Adds a term to the fact being read, or raises its weight if it already has it. */
  add(term: number, weight: number): void {
    const fact = this.ends.length + 1;
    if (this.lastFact[term] === fact) {
      const at = this.position[term]!;
      if (this.weights[at]! < weight) this.weights[at] = weight;
      return;
    }
    if (this.length === this.ids.length) {
      this.ids = grown(this.ids);
      this.weights = grownWeights(this.weights);
    }
    this.lastFact[term] = fact;
    this.position[term] = this.length;
    this.ids[this.length] = term;
    this.weights[this.length++] = weight;
  }

  /** Closes the fact being read; returns its number in the log. */
  endFact(): number {
    this.ends.push(this.length);
    return this.ends.length - 1;
  }

  /** The facts read so far, copied out. */
  exported(): LoggedFacts {
    return { terms: [...this.terms], ids: this.ids.slice(0, this.length), weights: this.weights.slice(0, this.length), ends: Int32Array.from(this.ends) };
  }

  /** Adds facts read into another log after this log's, their terms numbered as this log numbers them. */
  append(facts: LoggedFacts): void {
    const numbers = Int32Array.from(facts.terms, (term) => this.numberOf(term));
    let start = 0;
    for (const end of facts.ends) {
      for (let at = start; at < end; at++) this.add(numbers[facts.ids[at]!]!, facts.weights[at]!);
      this.endFact();
      start = end;
    }
  }

  /** A fact's term numbers, in the order first read. */
  termNumbers(fact: number): Int32Array {
    return this.ids.subarray(this.factStart(fact), this.ends[fact]);
  }

  /** A fact's terms, in the order first read. */
  termsOf(fact: number): string[] {
    return Array.from(this.termNumbers(fact), (number) => this.terms[number]!);
  }

  /** Where a term stands among a fact's terms in the order first read, or -1: without making the list. */
  positionIn(fact: number, term: string): number {
    const start = this.factStart(fact);
    const end = this.ends[fact]!;
    for (let at = start; at < end; at++) if (this.terms[this.ids[at]!] === term) return at - start;
    return -1;
  }

  /** A fact's term at a position in the order first read. */
  termAt(fact: number, position: number): string {
    return this.terms[this.ids[this.factStart(fact) + position]!]!;
  }

  /** At the same position as its term, the weight of the best field the term appears in. */
  weightsOf(fact: number): Float32Array {
    return this.weights.subarray(this.factStart(fact), this.ends[fact]);
  }

  /** Keeps only what the facts' term lists need: the weights and bookkeeping were for building postings. */
  seal(): void {
    this.ids = this.ids.slice(0, this.length);
    this.weights = new Float32Array(0);
    this.lastFact = new Int32Array(0);
    this.position = new Int32Array(0);
    this.numbers.clear();
  }

  private factStart(fact = this.ends.length): number {
    return fact === 0 ? 0 : this.ends[fact - 1]!;
  }
}

function grown(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const next = new Int32Array(array.length * 2);
  next.set(array);
  return next;
}

function grownWeights(array: Float32Array<ArrayBuffer>): Float32Array<ArrayBuffer> {
  const next = new Float32Array(array.length * 2);
  next.set(array);
  return next;
}
