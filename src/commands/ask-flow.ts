import type { MessagePayload } from "../discord/limits.js";
import { renderAnswer, renderFact, renderNotice } from "../discord/render.js";
import type { BotContext, Outcome } from "./command.js";

export interface AskResult {
  payload: MessagePayload;
  outcome: Outcome;
  /** Refusals (cooldown) go only to the asker. */
  ephemeral: boolean;
}

/**
 * One question from one user, as every asking command handles it: the cooldown, then a fact picked by id
 * from autocomplete, else the engine's answer or honest miss.
 */
export function askQuestion(context: BotContext, userId: string, question: string): AskResult {
  const verdict = context.askCooldown.take(userId);
  if (!verdict.allowed) {
    const seconds = Math.ceil(verdict.retryAfterMs / 1000);
    return {
      payload: renderNotice(`You're asking faster than I can keep up with. Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`),
      outcome: "refused",
      ephemeral: true,
    };
  }
  const engine = context.engine();
  const picked = engine.base.facts.find((fact) => fact.id === question.trim() && fact.status === "active");
  if (picked) return { payload: renderFact(picked, engine.base), outcome: "answered", ephemeral: false };
  const answer = engine.answer(question);
  return { payload: renderAnswer(answer, engine.base), outcome: answer.answered ? "answered" : "abstained", ephemeral: false };
}
