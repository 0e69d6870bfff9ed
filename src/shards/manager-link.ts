import { z } from "zod";
import type { Cooldown, CooldownVerdict } from "../discord/cooldown.js";
import { createIpcPeer, type Handler, type IpcPeer } from "./ipc.js";

export const COOLDOWN_TAKE = "cooldown.take";
const TakeRequestSchema = z.object({ userId: z.string() });
const VerdictSchema = z.union([
  z.object({ allowed: z.literal(true) }),
  z.object({ allowed: z.literal(false), retryAfterMs: z.number() }),
]);

/** A shard process's line to its manager (over the IPC channel the manager forked it with). */
export function connectToManager(handlers: Readonly<Record<string, Handler>> = {}): IpcPeer {
  const peer = createIpcPeer({ send: (message) => void process.send?.(message), handlers });
  process.on("message", (message) => peer.receive(message));
  return peer;
}

/**
 * The ask cooldown kept by the manager, so it holds for a user whichever shard their question arrives on.
 * If the manager does not answer in time, the ask is allowed: a slow manager must not silence the bot.
 */
export function managerAskCooldown(manager: IpcPeer): { take(userId: string): Promise<CooldownVerdict> } {
  return {
    async take(userId) {
      try {
        return VerdictSchema.parse(await manager.request(COOLDOWN_TAKE, { userId }, 1_000));
      } catch {
        return { allowed: true };
      }
    },
  };
}

/** The manager's side of the cooldown: one in-memory cooldown for every shard. */
export function serveAskCooldown(cooldown: Cooldown): Handler {
  return (payload) => cooldown.take(TakeRequestSchema.parse(payload).userId);
}
