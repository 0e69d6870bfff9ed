import { describe, expect, it } from "vitest";
import { createIpcPeer, type Handler, type IpcPeer } from "../../src/shards/ipc.js";

/** Two peers joined as the manager and a shard are, through structured clones of each message (as IPC does with JSON). */
function pair(managerHandlers: Record<string, Handler>, shardHandlers: Record<string, Handler>): { manager: IpcPeer; shard: IpcPeer; foreign: unknown[] } {
  const foreign: unknown[] = [];
  const deliver = (to: () => IpcPeer) => (message: unknown) => {
    const copy: unknown = JSON.parse(JSON.stringify(message));
    setImmediate(() => {
      if (!to().receive(copy)) foreign.push(copy);
    });
  };
  const manager: IpcPeer = createIpcPeer({ send: deliver(() => shard), handlers: managerHandlers });
  const shard: IpcPeer = createIpcPeer({ send: deliver(() => manager), handlers: shardHandlers });
  return { manager, shard, foreign };
}

describe("request and reply between the manager and a shard", () => {
  it("answers both ways, with a payload or none", async () => {
    const { manager, shard } = pair({ "cooldown.take": (payload) => ({ asked: payload }) }, { metrics: () => Promise.resolve([{ name: "m" }]) });
    expect(await shard.request("cooldown.take", { userId: "1" })).toEqual({ asked: { userId: "1" } });
    expect(await manager.request("metrics")).toEqual([{ name: "m" }]);
  });

  it("keeps concurrent requests apart", async () => {
    const { shard } = pair({ echo: (payload) => payload }, {});
    expect(await Promise.all([1, 2, 3].map((n) => shard.request("echo", n)))).toEqual([1, 2, 3]);
  });

  it("rejects with the other side's error, or when no handler exists", async () => {
    const { manager } = pair({}, { fails: () => { throw new Error("store is locked"); } });
    await expect(manager.request("fails")).rejects.toThrow("store is locked");
    await expect(manager.request("nothing")).rejects.toThrow("no handler for nothing");
  });

  it("rejects when the other side does not answer in time", async () => {
    const silent = createIpcPeer({ send: () => undefined, handlers: {} });
    await expect(silent.request("metrics", undefined, 20)).rejects.toThrow("no answer to metrics within 20 ms");
  });

  it("leaves discord.js's own messages to discord.js", () => {
    const peer = createIpcPeer({ send: () => undefined, handlers: {} });
    expect(peer.receive({ _ready: true })).toBe(false);
    expect(peer.receive({ _eval: "this.ws.ping" })).toBe(false);
    expect(peer.receive("text")).toBe(false);
  });
});
