import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { downloadAttachment } from "../../src/sources/download-attachment.js";

let server: Server;
let base: string;
/** Responses left waiting by /stalled, ended when the tests are done. */
const stalled: ServerResponse[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === "/dalian.txt") response.writeHead(200, { "content-type": "text/plain" }).end("Dalian port handled 2.1 million tonnes.");
    else if (request.url === "/stalled-body") {
      response.writeHead(200, { "content-type": "text/plain" }).write("Dalian port");
      stalled.push(response);
    } else if (request.url === "/stalled") stalled.push(response);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const response of stalled) response.destroy();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("downloadAttachment", () => {
  it("returns the file's bytes", async () => {
    const result = await downloadAttachment(`${base}/dalian.txt`, "dalian.txt", 5000);
    expect(result.ok && Buffer.from(result.value).toString()).toBe("Dalian port handled 2.1 million tonnes.");
  });

  it("says in one line when Discord answers an error", async () => {
    expect(await downloadAttachment(`${base}/gone.txt`, "gone.txt", 5000)).toEqual({ ok: false, error: "I could not download gone.txt from Discord (HTTP 404): upload it again." });
  });

  it("gives up after the time allowed, waiting for the answer or for the rest of the body", async () => {
    const late = { ok: false, error: "slow.txt took longer than 0.2 s to download from Discord: upload it again." };
    expect(await downloadAttachment(`${base}/stalled`, "slow.txt", 200)).toEqual(late);
    expect(await downloadAttachment(`${base}/stalled-body`, "slow.txt", 200)).toEqual(late);
  });

  it("says in one line when the address cannot be reached", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await downloadAttachment(`http://127.0.0.1:${port}/a.txt`, "a.txt", 5000)).toEqual({ ok: false, error: "I could not download a.txt from Discord (ECONNREFUSED): upload it again." });
  });
});
