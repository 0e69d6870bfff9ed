import { readFactChoice } from "../discord/fact-choice.js";
import type { MessagePayload } from "../discord/limits.js";
import { renderAnswer, renderFact, renderNotice, withFeedbackButtons } from "../discord/render.js";
import type { BotContext, Outcome } from "../discord/command-contract.js";
import { replyLocale, type ReplyLocale } from "../i18n/locale.js";
import { stringsFor } from "../i18n/strings.js";
import { languageOf } from "../knowledge/question.js";

export interface AskResult {
  payload: MessagePayload;
  /** The language of the reply. */
  locale: ReplyLocale;
  outcome: Outcome;
  /** Refusals (cooldown) go only to the asker. */
  ephemeral: boolean;
  /** Counts the question; run it after replying, so a slow database never delays an answer. */
  record: () => void;
}

/**
 * One question from one user, as every asking command handles it: the cooldown, then a fact picked by id
 * from autocomplete, else the engine's answer or honest miss. Every question is counted; a missed one is
 * kept for the moderators' `gaps`. Answers carry feedback buttons. The reply is in the question's language
 * when it is Russian or Chinese (a picked fact's, the language it was offered in), else in the asker's Discord locale.
 */
export async function askQuestion(context: BotContext, asker: { id: string; locale?: string }, question: string): Promise<AskResult> {
  const choice = readFactChoice(question);
  const verdict = await context.askCooldown.take(asker.id);
  if (!verdict.allowed) {
    const locale = choice.locale ?? replyLocale(languageOf(question), asker.locale);
    return {
      payload: renderNotice(stringsFor(locale).cooldown(Math.ceil(verdict.retryAfterMs / 1000))),
      locale,
      outcome: "refused",
      ephemeral: true,
      record: () => undefined,
    };
  }
  const engine = context.engine();
  const picked = engine.base.facts.find((fact) => fact.id === choice.id && fact.status === "active");
  if (picked) {
    const locale = choice.locale ?? replyLocale(undefined, asker.locale);
    return {
      payload: withFeedbackButtons(renderFact(picked, engine.base, locale), picked.id, locale),
      locale,
      outcome: "answered",
      ephemeral: false,
      record: countQuestion(context, question, picked.id),
    };
  }
  const answer = engine.answer(question);
  const top = answer.answered ? answer.results[0]?.fact : undefined;
  const locale = replyLocale(answer.language, asker.locale);
  const payload = renderAnswer(answer, engine.base, locale);
  return {
    payload: top ? withFeedbackButtons(payload, top.id, locale) : payload,
    locale,
    outcome: top ? "answered" : "abstained",
    ephemeral: false,
    record: countQuestion(context, question, top?.id ?? null),
  };
}

/** Counts the question as answered with `factId` (null: abstained), in the store and the metrics. */
function countQuestion(context: BotContext, question: string, factId: string | null): () => void {
  return () => {
    context.metrics.questionAnswered("command", factId !== null);
    context.asks.record(question, factId);
  };
}
