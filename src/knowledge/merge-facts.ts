import type { Fact } from "./schema.js";

/** The facts with each changed one added, or put in place of the fact with its id. */
export function mergeFacts(facts: readonly Fact[], changed: readonly Fact[]): Fact[] {
  const byId = new Map(facts.map((fact) => [fact.id, fact]));
  for (const fact of changed) byId.set(fact.id, fact);
  return [...byId.values()];
}
