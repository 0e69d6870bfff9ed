import { askedWords } from "../i18n/asked-words.js";
import { attributionIn, statementIn, translationLabels } from "../i18n/fact-text.js";
import type { ReplyLocale } from "../i18n/locale.js";
import { stringsFor } from "../i18n/strings.js";
import { describeAbstention } from "../knowledge/abstention.js";
import { coveredTopics, describeSourceDate, displayableQuery, sourceOf } from "../knowledge/answer-view.js";
import type { Answer, Engine } from "../knowledge/engine.js";

/** An answer as plain text for a terminal, in the reply's language: the statement, the quote, who said it and where. */
export function formatAnswerText(answer: Answer, engine: Engine, locale: ReplyLocale = "en"): string {
  const s = stringsFor(locale);
  const top = answer.results[0];
  if (answer.answered && top) {
    const { fact } = top;
    const labels = translationLabels(fact, locale);
    const source = sourceOf(fact, engine);
    const sourceLine = source ? `${source.title} (${describeSourceDate(source, s)})` : fact.sourceId;
    return [
      statementIn(fact, locale),
      ...(labels ? [`(${labels.statement})`] : []),
      "",
      ...(labels ? [`  ${labels.quote}`] : []),
      `  “${fact.quote}”`,
      `  — ${attributionIn(fact, locale)}`,
      `  ${s.cliSource}: ${sourceLine}`,
      `  ${s.cliFactLine(fact.id, answer.confidence.toFixed(2))}`,
    ].join("\n");
  }
  const query = displayableQuery(answer.query);
  const lines = [
    query ? s.cliNoAnswer(query) : s.cliNothingAsked,
    ...(query && answer.abstention ? [describeAbstention(answer.abstention, s, askedWords(answer.query, locale))] : []),
    s.cliCovers(coveredTopics(engine.base.facts).join(", ")),
  ];
  if (answer.results.length > 0) {
    lines.push(s.cliClosest, ...answer.results.slice(0, 3).map(({ fact }) => `  - ${fact.id}: ${statementIn(fact, locale)}`));
  }
  return lines.join("\n");
}
