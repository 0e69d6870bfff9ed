import type { MessagePayload } from "../discord/limits.js";
import { renderAnswer, renderFact, renderNotice, withFeedbackButtons } from "../discord/render.js";
import type { BotContext, Outcome } from "../discord/command-contract.js";

export interface AskResult {
  payload: MessagePayload;
  outcome: Outcome;
  /** Refusals (cooldown) go only to the asker. */
  ephemeral: boolean;
  /** Counts the question; run it after replying, so a slow database never delays an answer. */
  record: () => void;
}

/**
 * One question from one user, as every asking command handles it: the cooldown, then a fact picked by id
 * from autocomplete, else the engine's answer or honest miss. Every question is counted; a missed one is
 * kept for the moderators' `gaps`. Answers carry feedback buttons.
 */
export async function askQuestion(context: BotContext, userId: string, question: string): Promise<AskResult> {
  const verdict = await context.askCooldown.take(userId);
  if (!verdict.allowed) {
    const seconds = Math.ceil(verdict.retryAfterMs / 1000);
    return {
      payload: renderNotice(`You're asking faster than I can keep up with. Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`),
      outcome: "refused",
      ephemeral: true,
      record: () => undefined,
    };
  }
  const engine = context.engine();
  const picked = engine.base.facts.find((fact) => fact.id === question.trim() && fact.status === "active");
  if (picked) {
    return {
      payload: withFeedbackButtons(renderFact(picked, engine.base), picked.id),
      outcome: "answered",
      ephemeral: false,
      record: countQuestion(context, question, picked.id),
    };
  }
  const answer = engine.answer(question);
  const top = answer.answered ? answer.results[0]?.fact : undefined;
  const payload = renderAnswer(answer, engine.base);
  return {
    payload: top ? withFeedbackButtons(payload, top.id) : payload,
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
