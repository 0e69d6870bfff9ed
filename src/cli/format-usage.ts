import type { Gaps } from "../knowledge/store/feedback-store.js";
import type { UsageReport } from "../knowledge/store/usage-report.js";
import { truncate } from "../truncate.js";

/** `facts gaps`: the most asked questions without an answer, then the most down-voted answers. */
export function formatGaps(gaps: Gaps): string {
  const unanswered = gaps.unanswered.map((gap) => `  ${`${gap.count}×`.padStart(5)}  ${gap.question}  (last ${gap.lastSeen.slice(0, 10)})`);
  const downvoted = gaps.downvoted.map(
    (entry) => `  ${entry.fact.id}  ${entry.notHelpful} not helpful, ${entry.helpful} helpful — ${truncate(entry.fact.statement.replace(/\s+/g, " "), 100)}`,
  );
  return [
    "Most asked, not answered:",
    ...(unanswered.length > 0 ? unanswered : ["  none yet"]),
    "Most down-voted answers:",
    ...(downvoted.length > 0 ? downvoted : ["  none yet"]),
  ].join("\n");
}

export function gapsJson(gaps: Gaps) {
  return {
    unanswered: gaps.unanswered,
    downvoted: gaps.downvoted.map(({ fact, helpful, notHelpful }) => ({ id: fact.id, statement: fact.statement, helpful, notHelpful })),
  };
}

/** `facts stats`: questions, the share answered, votes, the most used facts, and answers per Q&A channel. */
export function formatUsage(report: UsageReport): string {
  const lines = [
    `Questions asked: ${report.asked}`,
    `Answered: ${report.answered} (${report.answeredPercent === null ? "—" : `${report.answeredPercent}%`})`,
    `Feedback: ${report.helpful} helpful, ${report.notHelpful} not helpful`,
    "Most used facts:",
    ...(report.topFacts.length > 0 ? report.topFacts.map((entry) => `  ${entry.fact.id} ×${entry.answers}`) : ["  none yet"]),
  ];
  if (report.channels.length > 0) {
    lines.push(
      "Answers in Q&A channels:",
      ...report.channels.map(
        (channel) =>
          `  ${channel.channelId}: ${channel.answered} answered, ${channel.shadow} would have been (shadow), ${channel.misses} misses posted, ${channel.helpful} helpful, ${channel.notHelpful} not helpful, removed ${channel.removed}, human asked ${channel.humanAsked}`,
      ),
    );
  }
  return lines.join("\n");
}

export function usageJson({ asked, answered, answeredPercent, helpful, notHelpful, topFacts, channels }: UsageReport) {
  return { asked, answered, answeredPercent, helpful, notHelpful, topFacts: topFacts.map(({ fact, answers }) => ({ id: fact.id, answers })), channels };
}
