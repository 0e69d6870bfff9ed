import { z } from "zod";

/**
 * Request and reply between the shard manager and its shard processes over Node's IPC channel, which also carries
 * discord.js's own messages: anything that does not parse as ours is left to discord.js.
 */
const RequestSchema = z.object({ tradeFactsRequest: z.number().int(), op: z.string(), payload: z.unknown().optional() });
const ReplySchema = z.object({ tradeFactsReply: z.number().int(), result: z.unknown().optional(), error: z.string().optional() });

export type Handler = (payload: unknown) => unknown;

export interface IpcPeer {
  /** Asks the other side; rejects when it does not answer within `timeoutMs` or its handler throws. */
  request(op: string, payload?: unknown, timeoutMs?: number): Promise<unknown>;
  /** Feeds one message from the channel; true when it was ours. */
  receive(message: unknown): boolean;
}

export interface IpcChannel {
  send: (message: unknown) => void | Promise<unknown>;
  handlers: Readonly<Record<string, Handler>>;
}

export function createIpcPeer({ send, handlers }: IpcChannel): IpcPeer {
  let nextId = 0;
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>();

  const answer = async (id: number, op: string, payload: unknown) => {
    const handler = handlers[op];
    try {
      if (!handler) throw new Error(`no handler for ${op}`);
      await send({ tradeFactsReply: id, result: await handler(payload) });
    } catch (error) {
      await Promise.resolve(send({ tradeFactsReply: id, error: (error as Error).message })).catch(() => undefined);
    }
  };

  return {
    request(op, payload, timeoutMs = 5_000) {
      const id = ++nextId;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new Error(`no answer to ${op} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiting.set(id, { resolve, reject, timer });
        Promise.resolve(send({ tradeFactsRequest: id, op, payload })).catch((error: unknown) => {
          clearTimeout(timer);
          waiting.delete(id);
          reject(error instanceof Error ? error : new Error(String(error)));
        });
      });
    },
    receive(message) {
      const request = RequestSchema.safeParse(message);
      if (request.success) {
        void answer(request.data.tradeFactsRequest, request.data.op, request.data.payload);
        return true;
      }
      const reply = ReplySchema.safeParse(message);
      if (!reply.success) return false;
      const pending = waiting.get(reply.data.tradeFactsReply);
      if (pending) {
        clearTimeout(pending.timer);
        waiting.delete(reply.data.tradeFactsReply);
        if (reply.data.error !== undefined) pending.reject(new Error(reply.data.error));
        else pending.resolve(reply.data.result);
      }
      return true;
    },
  };
}
