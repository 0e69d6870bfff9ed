import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchArticle } from "../../src/sources/fetch-article.js";
import { PAGE_LIMITS, type PageLimits } from "../../src/sources/fetch-page.js";
import { isPublicAddress } from "../../src/sources/public-address.js";

const WIRE_PAGE = readFileSync(new URL("fixtures/wire-article.html", import.meta.url));
const CYRILLIC = "Товарооборот между Россией и Китаем вырос на 26 процентов за десять месяцев, сообщила таможня.";

type Route = (request: IncomingMessage, response: ServerResponse) => void;
const routes = new Map<string, Route>();
const served: string[] = [];
let server: Server;
let base: string;

const page = (body: string | Buffer, contentType = "text/html; charset=utf-8"): Route => (_request, response) => {
  response.writeHead(200, { "content-type": contentType, "content-length": Buffer.byteLength(body) });
  response.end(body);
};
const redirect = (location: string, status = 302): Route => (_request, response) => {
  response.writeHead(status, { location });
  response.end();
};

beforeAll(async () => {
  server = createServer((request, response) => {
    served.push(request.url ?? "");
    const route = routes.get(request.url ?? "");
    if (route) return route(request, response);
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  routes.set("/wire", page(WIRE_PAGE));
  routes.set("/hop1", redirect("/hop2", 301));
  routes.set("/hop2", redirect(`${base}/wire`, 308));
  for (let i = 0; i < 7; i++) routes.set(`/loop${i}`, redirect(`/loop${i + 1}`));
  routes.set("/to-private", redirect("http://10.20.30.40/article"));
  routes.set("/to-ipv6-loopback", redirect("http://[::1]/article"));
  routes.set("/to-mapped", redirect("http://[::ffff:192.168.1.1]/article"));
  routes.set("/to-intranet", redirect("http://intranet.example/article"));
  routes.set("/to-ftp", redirect("ftp://files.example/article.txt"));
  routes.set("/to-credentials", redirect(base.replace("//", "//u:p@") + "/wire"));
  routes.set("/slow", (_request, response) => {
    response.writeHead(200, { "content-type": "text/html" });
    response.write("<html><body><p>The first part");
  });
  routes.set("/huge", page(Buffer.alloc(5 * 1024 * 1024, "a"), "text/plain"));
  routes.set("/huge-chunked", (_request, response) => {
    response.writeHead(200, { "content-type": "text/html" });
    const chunk = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    const more = () => {
      while (sent < 80 && !response.destroyed) {
        sent++;
        if (!response.write(chunk)) return response.once("drain", more);
      }
      response.end();
    };
    more();
  });
  for (const status of [302, 500]) routes.set(`/streaming-${status}`, streaming(status, { location: "/wire" }, 32 * 1024 * 1024));
  routes.set("/announced-huge", (_request, response) => {
    response.writeHead(200, { "content-type": "text/plain", "content-length": 5 * 1024 * 1024 });
    response.write(Buffer.alloc(1024, "a"));
    watch(response, 1024);
  });
  routes.set("/report.pdf", page(Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj"), "application/pdf"));
  routes.set("/photo", page(Buffer.from([0x89, 0x50, 0x4e, 0x47]), "image/png"));
  routes.set("/plain", page("Trade between Russia and China rose 26 percent in ten months, customs said. Exports of cars led the rise.", "text/plain; charset=utf-8"));
  routes.set("/cyrillic", page(Buffer.concat([Buffer.from('<html><head><meta charset="windows-1251"></head><body><article><p>'), encodeCp1251(CYRILLIC), Buffer.from("</p></article></body></html>")]), "text/html"));
  routes.set("/latin1-undeclared", page(Buffer.from("<html><body><p>Le commerce a progress\xe9 de 26 pour cent en dix mois, selon les douanes.</p></body></html>", "latin1"), "text/html"));
  routes.set("/menu", page("<html><body><nav><a href='/'>Home</a> <a href='/b'>Business</a></nav></body></html>"));
  routes.set("/missing", (_request, response) => response.writeHead(404).end());
});

/** What the server wrote on each watched response before the client closed the connection, by path. */
const closedAfter = new Map<string, Promise<number>>();
function watch(response: ServerResponse, sent: number | (() => number)): void {
  closedAfter.set(response.req.url ?? "", new Promise((resolve) => response.once("close", () => resolve(typeof sent === "number" ? sent : sent()))));
}

/** A response with `headers` that streams a body of `total` bytes as fast as the client takes it. */
function streaming(status: number, headers: Record<string, string>, total: number): Route {
  return (_request, response) => {
    response.writeHead(status, { "content-type": "text/html", ...headers });
    const chunk = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    watch(response, () => sent);
    const more = () => {
      while (sent < total && !response.destroyed) {
        sent += chunk.length;
        if (!response.write(chunk)) return response.once("drain", more);
      }
      response.end();
    };
    more();
  };
}

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Tests serve from 127.0.0.1, so they allow it; nothing else private. */
const LOCAL: PageLimits = { ...PAGE_LIMITS, allowedPrivateAddresses: ["127.0.0.1"] };
const fetchLocal = (path: string, limits: Partial<PageLimits> = {}) => fetchArticle(path.startsWith("http") ? path : `${base}${path}`, { ...LOCAL, ...limits });
const refusal = async (result: Promise<{ ok: boolean; error?: string }>) => {
  const settled = await result;
  return settled.ok ? "fetched" : settled.error;
};

function encodeCp1251(text: string): Buffer {
  return Buffer.from([...text].map((char) => (char === " " ? 0x20 : /[А-я]/.test(char) ? char.charCodeAt(0) - 0x410 + 0xc0 : char.charCodeAt(0))));
}

describe("fetchArticle", () => {
  it("takes the article out of a wire page: title and paragraphs, no menus, byline, caption, related links or comments", async () => {
    const result = await fetchLocal("/wire");
    if (!result.ok) throw new Error(result.error);
    expect(result.value.title).toBe("Heilongjiang's trade with Russia climbs 18% in first 10 months");
    expect(result.value.url).toBe(`${base}/wire`);
    const paragraphs = result.value.text.split("\n\n");
    expect(paragraphs[0]).toMatch(/^HARBIN, Nov\. 20 \(Northeast Wire\) -- Trade between .* according to Harbin Customs\.$/);
    expect(paragraphs).toHaveLength(8);
    for (const junk of ["Comment Template", "Related stories", "Photo/Xinhua", "Share", "Most popular", "Copyright", "Editor:", "By Wang Lei"]) expect(result.value.text).not.toContain(junk);
  });

  it("follows redirects, relative and absolute, and says where the article was found", async () => {
    const result = await fetchLocal("/hop1");
    expect(result.ok && result.value.url).toBe(`${base}/wire`);
  });

  it("refuses more than 5 redirects", async () => {
    expect(await refusal(fetchLocal("/loop0"))).toBe("That link redirects more than 5 times; give the article's own address.");
    expect(served.filter((path) => path.startsWith("/loop"))).toHaveLength(6);
  });

  it("refuses a redirect to a private or local address, checked before connecting", async () => {
    expect(await refusal(fetchLocal("/to-private"))).toBe("That link is at 10.20.30.40, a private or local address: only public web pages are fetched.");
    expect(await refusal(fetchLocal("/to-ipv6-loopback"))).toMatch(/^That link is at ::1, a private or local address/);
    expect(await refusal(fetchLocal("/to-mapped"))).toMatch(/^That link is at ::ffff:c0a8:101, a private or local address/);
    const resolve: PageLimits["resolve"] = (_host, callback) => callback(null, [{ address: "192.168.7.7", family: 4 }]);
    expect(await refusal(fetchLocal("/to-intranet", { resolve }))).toBe(
      "That link leads to intranet.example, which is at 192.168.7.7, a private or local address: only public web pages are fetched.",
    );
    expect(await refusal(fetchLocal("/to-ftp"))).toBe("That link redirects to a ftp address: only http and https links are fetched.");
  });

  it("refuses 127.0.0.1 when tests do not allow it, without sending it anything", async () => {
    const before = served.length;
    expect(await refusal(fetchArticle(`${base}/wire`))).toBe("That link is at 127.0.0.1, a private or local address: only public web pages are fetched.");
    expect(served.length).toBe(before);
  });

  it("connects to the address it checked: one lookup per host, and a host with any private address is refused", async () => {
    const lookups: string[] = [];
    const resolve: PageLimits["resolve"] = (host, callback) => {
      lookups.push(host);
      callback(null, [{ address: "127.0.0.1", family: 4 }]);
    };
    const port = new URL(base).port;
    const result = await fetchLocal(`http://news.example:${port}/wire`, { resolve });
    expect(result.ok).toBe(true);
    expect(lookups).toEqual(["news.example"]);
    const mixed: PageLimits["resolve"] = (_host, callback) => callback(null, [{ address: "93.184.216.34", family: 4 }, { address: "10.0.0.8", family: 4 }]);
    expect(await refusal(fetchLocal(`http://rebind.example:${port}/wire`, { resolve: mixed }))).toMatch(/^That link leads to rebind\.example, which is at 10\.0\.0\.8/);
  });

  it("gives up after the time allowed", async () => {
    expect(await refusal(fetchLocal("/slow", { timeoutMs: 300 }))).toBe("That link took longer than 0.3 s to load; try again later, or upload the article's text as a .txt file.");
  });

  it("refuses 5 MB, announced or streamed, and stops reading", async () => {
    const tooLarge = "That page is larger than 2 MB; upload the article's text as a .txt file instead.";
    expect(await refusal(fetchLocal("/huge"))).toBe(tooLarge);
    expect(await refusal(fetchLocal("/huge-chunked"))).toBe(tooLarge);
  });

  it("closes a redirect's or an error's connection at once instead of downloading its body", async () => {
    const redirected = await fetchLocal("/streaming-302");
    expect(redirected.ok && redirected.value.url).toBe(`${base}/wire`);
    expect(await refusal(fetchLocal("/streaming-500"))).toBe("That link answered HTTP 500: check it opens in a browser.");
    for (const path of ["/streaming-302", "/streaming-500"]) expect(await closedAfter.get(path)!).toBeLessThan(8 * 1024 * 1024);
  });

  it("refuses a page whose announced length is over the limit before reading its body", async () => {
    // The server sends 1 KB and waits for the client: only the announced length can end this fetch before its timeout.
    expect(await refusal(fetchLocal("/announced-huge", { timeoutMs: 2000 }))).toBe("That page is larger than 2 MB; upload the article's text as a .txt file instead.");
    expect(await closedAfter.get("/announced-huge")!).toBe(1024);
  });

  it("refuses a PDF, an image, a page without an article and a 404, each with what to do", async () => {
    expect(await refusal(fetchLocal("/report.pdf"))).toBe("That link is a PDF: copy its text into a .txt file and upload that instead.");
    expect(await refusal(fetchLocal("/photo"))).toBe("That link is a image/png file, not a web page or text: give the article's page, or upload its text as a .txt file.");
    expect(await refusal(fetchLocal("/menu"))).toMatch(/^(I found no article on that page|The article at that link has no sentence)/);
    expect(await refusal(fetchLocal("/missing"))).toBe("That link answered HTTP 404: check it opens in a browser.");
  });

  it("reads a page in the charset it declares, and refuses undeclared bytes that are not UTF-8, naming the byte", async () => {
    const result = await fetchLocal("/cyrillic");
    expect(result.ok && result.value.text).toBe(CYRILLIC);
    expect(await refusal(fetchLocal("/latin1-undeclared"))).toBe(
      `That page is not valid UTF-8: byte ${"<html><body><p>Le commerce a progress".length} (0xe9) is not; upload its text as a UTF-8 .txt file instead.`,
    );
  });

  it("takes a plain text file as it is, checked like any source text", async () => {
    const result = await fetchLocal("/plain");
    expect(result.ok && result.value).toMatchObject({ title: null, text: expect.stringMatching(/^Trade between Russia and China rose 26 percent/) as unknown });
  });

  it("refuses what is not an http(s) URL", async () => {
    expect(await refusal(fetchArticle("file:///etc/passwd"))).toBe("That is a file address: only http and https links are fetched.");
    expect(await refusal(fetchArticle("harbin trade fair"))).toBe("That is not a URL: give the whole address, starting with https://.");
  });

  it("refuses a link or a redirect with a user name or password in it, sending it nothing", async () => {
    const withCredentials = "Links with a user name or password in them are not fetched.";
    const before = served.length;
    expect(await refusal(fetchArticle("https://u:p@news.example/article"))).toBe(withCredentials);
    expect(await refusal(fetchLocal(base.replace("//", "//u:p@") + "/wire"))).toBe(withCredentials);
    expect(await refusal(fetchLocal(base.replace("//", "//editor@") + "/wire"))).toBe(withCredentials);
    expect(served.length).toBe(before);
    expect(await refusal(fetchLocal("/to-credentials"))).toBe(withCredentials);
    expect(served.slice(before)).toEqual(["/to-credentials"]);
  });
});

describe("isPublicAddress", () => {
  it("refuses loopback, private, link-local, CGNAT, multicast, unspecified and their IPv6 forms", () => {
    const notPublic = ["127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "224.0.0.1", "0.0.0.0", "255.255.255.255"];
    const notPublic6 = ["::1", "::", "fc00::1", "fd12:3456::1", "fe80::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:a00:1", "64:ff9b::a9fe:a9fe"];
    for (const address of [...notPublic, ...notPublic6]) expect([address, isPublicAddress(address)]).toEqual([address, false]);
    for (const address of ["93.184.216.34", "172.32.0.1", "8.8.8.8", "2606:4700::1111", "::ffff:8.8.8.8"]) expect([address, isPublicAddress(address)]).toEqual([address, true]);
  });

  it("refuses the IPv6 forms that reach a private network: IPv4-compatible, local NAT64, 6to4 of a private IPv4, site-local, Teredo", () => {
    const hostOf = (url: string) => new URL(url).hostname.replace(/^\[|\]$/g, "");
    expect(hostOf("http://[::127.0.0.1]/")).toBe("::7f00:1");
    const notPublic = ["::7f00:1", "::a00:1", "64:ff9b:1::a00:1", "2002:c0a8:101::1", "2002:7f00:1::", "2002:a00:1:1::1", "fec0::1", "feff::1", "2001::1", "2001:0:4136:e378::1"];
    for (const address of notPublic) expect([address, isPublicAddress(address)]).toEqual([address, false]);
    for (const address of ["2002:808:808::1", "2001:4860:4860::8888", "2a00:1450::1"]) expect([address, isPublicAddress(address)]).toEqual([address, true]);
  });
});
