import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import { err, ok, type Result } from "../result.js";
import type { Readiness } from "./readiness.js";

/** What the server reports; it knows nothing of Discord, shards or the store. */
export interface HealthProviders {
  ready(): Readiness;
  metrics(): Promise<{ contentType: string; text: string }>;
}

export interface HealthServer {
  /** Where it listens, e.g. http://127.0.0.1:9464 (the port it was given, or the one picked for port 0). */
  url: string;
  close(): Promise<void>;
}

interface Reply {
  status: number;
  contentType: string;
  body: string;
  headers?: Record<string, string>;
}

const json = (status: number, value: unknown): Reply => ({ status, contentType: "application/json", body: `${JSON.stringify(value)}\n` });
const text = (status: number, body: string): Reply => ({ status, contentType: "text/plain; charset=utf-8", body: `${body}\n` });

/**
 * Serves GET (and HEAD) /healthz, /readyz and /metrics on `host:port` (port 0: any free port). Resolves once
 * listening, or with one line naming HTTP_PORT or HTTP_HOST when it cannot bind.
 */
export async function startHealthServer({ host, port, providers, log }: {
  host: string;
  port: number;
  providers: HealthProviders;
  log: Logger;
}): Promise<Result<HealthServer, string>> {
  const server = createServer((request, response) => void answer(request, response));

  async function route(request: IncomingMessage): Promise<Reply> {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    if (path !== "/healthz" && path !== "/readyz" && path !== "/metrics") return text(404, "not found: try /healthz, /readyz or /metrics");
    if (request.method !== "GET" && request.method !== "HEAD") return { ...text(405, "only GET and HEAD"), headers: { allow: "GET, HEAD" } };
    if (path === "/healthz") return json(200, { alive: true });
    if (path === "/readyz") {
      const readiness = providers.ready();
      return json(readiness.ready ? 200 : 503, readiness);
    }
    const metrics = await providers.metrics();
    return { status: 200, contentType: metrics.contentType, body: metrics.text };
  }

  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let reply: Reply;
    try {
      reply = await route(request);
    } catch (error) {
      log.error({ err: error, path: request.url }, "health and metrics request failed");
      reply = text(500, "internal error");
    }
    response.writeHead(reply.status, { "content-type": reply.contentType, "content-length": Buffer.byteLength(reply.body), ...reply.headers });
    response.end(reply.body);
  }

  const listening = await new Promise<Result<AddressInfo, string>>((resolve) => {
    server.once("error", (error: NodeJS.ErrnoException) => resolve(err(describeBindError(error, host, port))));
    server.listen(port, host, () => resolve(ok(server.address() as AddressInfo)));
  });
  if (!listening.ok) return listening;
  const { address, port: bound } = listening.value;
  const url = `http://${address.includes(":") ? `[${address}]` : address}:${bound}`;
  log.info({ url }, "health and metrics listening");
  return ok({
    url,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  });
}

function describeBindError(error: NodeJS.ErrnoException, host: string, port: number): string {
  switch (error.code) {
    case "EADDRINUSE":
      return `HTTP_PORT ${port} is already in use on ${host}: choose another port (0 picks a free one)`;
    case "EACCES":
      return `HTTP_PORT ${port} needs privileges this process does not have: choose a port above 1023`;
    case "EADDRNOTAVAIL":
      return `HTTP_HOST ${host} is not an address of this machine: use 127.0.0.1, 0.0.0.0 or one of its addresses`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `HTTP_HOST ${host} does not resolve to an address: use 127.0.0.1, 0.0.0.0 or one of this machine's addresses`;
    default:
      return `cannot listen on HTTP_HOST ${host}, HTTP_PORT ${port}: ${error.message}`;
  }
}
