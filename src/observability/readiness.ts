/** What /readyz answers: 200 with `{ ready: true }`, or 503 with the first reason it is not. */
export type Readiness = { ready: true } | { ready: false; reason: string };

/**
 * Ready when the engine is loaded and each of the `shardCount` shards (ids 0 to shardCount - 1) is connected.
 * A shard not listed at all (not started yet, or its process gone) is not connected.
 */
export function judgeReadiness({ engineLoaded, shardCount, shards }: {
  engineLoaded: boolean;
  shardCount: number;
  shards: readonly { id: number; connected: boolean }[];
}): Readiness {
  if (!engineLoaded) return { ready: false, reason: "the engine is not loaded yet" };
  for (let id = 0; id < shardCount; id++) {
    if (!shards.some((shard) => shard.id === id && shard.connected)) return { ready: false, reason: `shard ${id} is not connected` };
  }
  return { ready: true };
}
