import type { FactStore } from "./fact-store.js";
import type { Stats } from "./feedback-store.js";
import type { QaChannelStats } from "./qa-store.js";

/** The figures `/trade-admin stats` and `npm run facts -- stats` show. */
export interface UsageReport extends Stats {
  /** The share of questions answered, rounded to a whole percent; null before the first question. */
  answeredPercent: number | null;
  channels: QaChannelStats[];
}

export function usageReport(store: FactStore): UsageReport {
  const stats = store.feedback.stats();
  return {
    ...stats,
    answeredPercent: stats.asked === 0 ? null : Math.round((stats.answered / stats.asked) * 100),
    channels: store.qa.channelStats(),
  };
}
