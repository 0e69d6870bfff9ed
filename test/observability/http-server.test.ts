import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { startHealthServer, type HealthProviders, type HealthServer } from "../../src/observability/http-server.js";
import type { Readiness } from "../../src/observability/readiness.js";

let server: HealthServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function capturingLog() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write: (chunk: Buffer, _encoding, done) => {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { log: pino({ level: "info" }, sink), lines };
}

async function start(providers: Partial<HealthProviders> = {}) {
  const { log, lines } = capturingLog();
  const started = await startHealthServer({
    host: "127.0.0.1",
    port: 0,
    log,
    providers: {
      ready: () => ({ ready: true }),
      metrics: () => Promise.resolve({ contentType: "text/plain; version=0.0.4; charset=utf-8", text: "trade_facts_ready 1\n" }),
      ...providers,
    },
  });
  if (!started.ok) throw new Error(started.error);
  server = started.value;
  return { url: started.value.url, lines };
}

describe("the health and metrics server", () => {
  it("listens on a free port for port 0 and logs where", async () => {
    const { url, lines } = await start();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(url).not.toMatch(/:0$/);
    expect(lines).toContainEqual(expect.objectContaining({ msg: "health and metrics listening", url }));
  });

  it("answers /healthz, and /metrics in the providers' format", async () => {
    const { url } = await start();
    const health = await fetch(`${url}/healthz`);
    expect([health.status, await health.json()]).toEqual([200, { alive: true }]);
    const metrics = await fetch(`${url}/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
    expect(await metrics.text()).toBe("trade_facts_ready 1\n");
  });

  it("answers /readyz with 200, or 503 and the reason, as the provider says at each request", async () => {
    let readiness: Readiness = { ready: false, reason: "shard 1 is not connected" };
    const { url } = await start({ ready: () => readiness });
    const notReady = await fetch(`${url}/readyz`);
    expect([notReady.status, await notReady.json()]).toEqual([503, { ready: false, reason: "shard 1 is not connected" }]);
    readiness = { ready: true };
    const ready = await fetch(`${url}/readyz?verbose=1`);
    expect([ready.status, await ready.json()]).toEqual([200, { ready: true }]);
  });

  it("answers HEAD like GET without a body, 405 to other methods, 404 to other paths", async () => {
    const { url } = await start({ ready: () => ({ ready: false, reason: "the engine is not loaded yet" }) });
    const head = await fetch(`${url}/readyz`, { method: "HEAD" });
    expect([head.status, head.headers.get("content-type"), await head.text()]).toEqual([503, "application/json", ""]);
    const post = await fetch(`${url}/metrics`, { method: "POST", body: "x" });
    expect([post.status, post.headers.get("allow")]).toEqual([405, "GET, HEAD"]);
    for (const path of ["/", "/health", "/metrics/x", "/readyz/"]) expect((await fetch(`${url}${path}`)).status).toBe(404);
  });

  it("answers 500 and logs the error when metrics cannot be collected, and keeps serving", async () => {
    const { url, lines } = await start({ metrics: () => Promise.reject(new Error("registry broke")) });
    expect((await fetch(`${url}/metrics`)).status).toBe(500);
    expect(lines).toContainEqual(expect.objectContaining({ level: 50, msg: "health and metrics request failed" }));
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });

  it("names HTTP_PORT when the port is taken, and HTTP_HOST when the address is not this machine's", async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const port = (taken.address() as AddressInfo).port;
    const providers = { ready: () => ({ ready: true as const }), metrics: () => Promise.resolve({ contentType: "text/plain", text: "" }) };
    const { log } = capturingLog();
    try {
      expect(await startHealthServer({ host: "127.0.0.1", port, log, providers })).toEqual({
        ok: false,
        error: `HTTP_PORT ${port} is already in use on 127.0.0.1: choose another port (0 picks a free one)`,
      });
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
    expect(await startHealthServer({ host: "192.0.2.1", port: 0, log, providers })).toEqual({
      ok: false,
      error: "HTTP_HOST 192.0.2.1 is not an address of this machine: use 127.0.0.1, 0.0.0.0 or one of its addresses",
    });
  });
});
