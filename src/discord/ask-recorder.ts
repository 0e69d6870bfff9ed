import type { Logger } from "pino";
import type { AskRecord, FeedbackStore } from "../knowledge/store/feedback-store.js";
import type { BotMetrics } from "../observability/metrics.js";

/** Questions are written at most this long after they were asked, or sooner once this many wait. */
export const ASK_FLUSH_MS = 250;
export const ASK_FLUSH_AT = 500;

export interface AskRecorder {
  /** Counts a question for stats and gaps, in the next batch; never throws, so it never costs the asker their answer. */
  record(question: string, factId: string | null): void;
  /** Writes the waiting questions now (before stats or gaps are read, and at stop). */
  flush(): void;
}

/**
 * Batches the question counters: one transaction for every question of the last 250 ms, instead of one fully
 * synced write per ask. A failed batch is logged and counted as a store write error; its counts are lost, never
 * retried into a loop (they are statistics, not moderators' work). A crash loses at most the last 250 ms of them.
 */
export function createAskRecorder({ feedback, log, metrics, flushMs = ASK_FLUSH_MS, flushAt = ASK_FLUSH_AT }: {
  feedback: Pick<FeedbackStore, "recordAsks">;
  log: Logger;
  metrics: Pick<BotMetrics, "storeWriteFailed">;
  flushMs?: number;
  flushAt?: number;
}): AskRecorder {
  let waiting: AskRecord[] = [];
  let timer: NodeJS.Timeout | undefined;

  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (waiting.length === 0) return;
    const batch = waiting;
    waiting = [];
    try {
      feedback.recordAsks(batch);
    } catch (error) {
      metrics.storeWriteFailed("ask");
      log.warn({ err: error, questions: batch.length }, "could not record questions for stats and gaps");
    }
  };

  return {
    record(question, factId) {
      waiting.push({ question, factId });
      if (waiting.length >= flushAt) flush();
      else timer ??= setTimeout(flush, flushMs).unref();
    },
    flush,
  };
}
