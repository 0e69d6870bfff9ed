import { InteractionResponseType, type APIInteraction } from "discord.js";
import { readFileSync } from "node:fs";
import type { FakeDiscord } from "../test/support/fake-discord.js";
import { percentile } from "./stats.js";

export interface LoadStep {
  /** Asks started per second, on a fixed schedule whatever the replies do (an open loop, as users are). */
  offeredPerSecond: number;
  asks: number;
  /** Replies per second from the first ask to the last reply. */
  sustainedPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Resident memory of each bot process (the manager first when sharded) after the step. */
  rssMB: number[];
}

/**
 * `/trade ask` arriving at fixed rates, each for `seconds`: the time from dispatching each interaction to its
 * callback reaching the fake Discord. `interaction(i)` makes the i-th ask (its guild picks the shard).
 */
export async function measureLoad(
  fake: FakeDiscord,
  interaction: (i: number) => APIInteraction,
  { rates, seconds, pids }: { rates: readonly number[]; seconds: number; pids: () => number[] },
): Promise<LoadStep[]> {
  const steps: LoadStep[] = [];
  for (const rate of rates) steps.push(await runStep(fake, interaction, rate, seconds, pids));
  return steps;
}

async function runStep(fake: FakeDiscord, interaction: (i: number) => APIInteraction, rate: number, seconds: number, pids: () => number[]): Promise<LoadStep> {
  const total = rate * seconds;
  const latencies: number[] = [];
  const replies: Promise<void>[] = [];
  const started = performance.now();
  let lastReply = started;
  let sent = 0;
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) * rate) / 1000) + 1);
    for (; sent < due; sent++) {
      const payload = interaction(sent);
      const dispatched = performance.now();
      replies.push(
        fake.interact(payload, 30_000).then((callback) => {
          if (callback.type !== InteractionResponseType.ChannelMessageWithSource) throw new Error(`an ask got response type ${callback.type}`);
          lastReply = performance.now();
          latencies.push(lastReply - dispatched);
        }),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(replies);
  return {
    offeredPerSecond: rate,
    asks: total,
    sustainedPerSecond: (total * 1000) / (lastReply - started),
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    rssMB: pids().map(residentMB),
  };
}

/** The process and its children (a shard manager and its shards), by pid. */
export function processTree(pid: number): number[] {
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  return [pid, ...children.flatMap(processTree)];
}

export function residentMB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]);
  return kb / 1024;
}
