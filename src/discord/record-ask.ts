import type { Logger } from "pino";
import type { FeedbackStore } from "../knowledge/store/feedback-store.js";
import type { BotMetrics } from "../observability/metrics.js";

/** Counts a question for stats and gaps; a failed write is logged and counted, never thrown, so it never costs the asker their answer. */
export function recordAskSafely(feedback: FeedbackStore, log: Logger, metrics: Pick<BotMetrics, "storeWriteFailed">, question: string, factId: string | null): void {
  try {
    feedback.recordAsk(question, factId);
  } catch (error) {
    metrics.storeWriteFailed("ask");
    log.warn({ err: error }, "could not record the question for stats and gaps");
  }
}
