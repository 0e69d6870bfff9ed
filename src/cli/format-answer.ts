import { describeAbstention } from "../knowledge/abstention.js";
import { coveredTopics, describeSourceDate, displayableQuery, sourceOf } from "../knowledge/answer-view.js";
import type { Answer, Engine } from "../knowledge/engine.js";

/** An answer as plain text for a terminal: the statement, the quote, who said it and where. */
export function formatAnswerText(answer: Answer, engine: Engine): string {
  const top = answer.results[0];
  if (answer.answered && top) {
    const { fact } = top;
    const source = sourceOf(fact, engine);
    const sourceLine = source ? `${source.title} (${describeSourceDate(source)})` : fact.sourceId;
    return [
      fact.statement,
      "",
      `  “${fact.quote}”`,
      `  — ${fact.attribution}`,
      `  Source: ${sourceLine}`,
      `  Fact ${fact.id} · confidence ${answer.confidence.toFixed(2)}`,
    ].join("\n");
  }
  const query = displayableQuery(answer.query);
  const lines = [
    query ? `No sourced answer to "${query}" in the fact base.` : "No question asked: there is nothing to answer.",
    ...(query && answer.abstention ? [describeAbstention(answer.abstention)] : []),
    `It covers: ${coveredTopics(engine.base.facts).join(", ")}.`,
  ];
  if (answer.results.length > 0) {
    lines.push("Closest facts:", ...answer.results.slice(0, 3).map(({ fact }) => `  - ${fact.id}: ${fact.statement}`));
  }
  return lines.join("\n");
}
