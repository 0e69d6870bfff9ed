/**
 * Scores per fact for one query, in a dense array reused from query to query: a Map of doc -> score cost most
 * of a query's time on bases of 10,000 facts and more. Not re-entrant: one query at a time (JavaScript runs one).
 */
export class ScoreBoard {
  private readonly scores: Float64Array;
  private readonly touched: Int32Array;
  private count = 0;

  constructor(size: number) {
    this.scores = new Float64Array(size);
    this.touched = new Int32Array(size);
  }

  add(doc: number, value: number): void {
    if (value <= 0) return;
    if (this.scores[doc] === 0) this.touched[this.count++] = doc;
    this.scores[doc]! += value;
  }

  /** The `limit` best [doc, score] pairs, best first; the board is empty again afterwards. */
  takeTop(limit: number): [number, number][] {
    const top: [number, number][] = [];
    for (let i = 0; i < this.count; i++) {
      const doc = this.touched[i]!;
      const score = this.scores[doc]!;
      this.scores[doc] = 0;
      if (top.length < limit) {
        top.push([doc, score]);
        if (top.length === limit) top.sort((a, b) => b[1] - a[1]);
      } else if (score > top[limit - 1]![1]) {
        top[limit - 1] = [doc, score];
        for (let j = limit - 1; j > 0 && top[j]![1] > top[j - 1]![1]; j--) [top[j], top[j - 1]] = [top[j - 1]!, top[j]!];
      }
    }
    this.count = 0;
    return top.length < limit ? top.sort((a, b) => b[1] - a[1]) : top;
  }
}
