import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { err, ok, type Result } from "../result.js";
import { isPublicAddress } from "./public-address.js";

export interface PageLimits {
  /** Stop reading past this many bytes. */
  maxBytes: number;
  /** The whole fetch, redirects and body included. */
  timeoutMs: number;
  maxRedirects: number;
  /** Private addresses allowed anyway (tests serve pages on 127.0.0.1); none in production. */
  allowedPrivateAddresses: readonly string[];
  /** Resolves a host name to its addresses (dns.lookup; a stand-in in tests). */
  resolve?: (hostname: string, callback: (error: Error | null, addresses: LookupAddress[]) => void) => void;
}

export const PAGE_LIMITS: PageLimits = { maxBytes: 2 * 1024 * 1024, timeoutMs: 10_000, maxRedirects: 5, allowedPrivateAddresses: [] };

/**
 * The limits with private addresses allowed, for tests: each entry an address (`127.0.0.1`), or a host name that
 * resolves to one (`news.test=127.0.0.1`, as curl's --resolve), so a test page can have a URL a source may keep.
 */
export function limitsAllowing(entries: readonly string[]): PageLimits {
  if (entries.length === 0) return PAGE_LIMITS;
  const hosts = new Map(entries.filter((entry) => entry.includes("=")).map((entry) => entry.split("=", 2) as [string, string]));
  const resolve: NonNullable<PageLimits["resolve"]> = (hostname, callback) => {
    const address = hosts.get(hostname);
    if (address) callback(null, [{ address, family: isIP(address) }]);
    else dnsLookup(hostname, { all: true }, callback);
  };
  return { ...PAGE_LIMITS, allowedPrivateAddresses: entries.map((entry) => entry.slice(entry.indexOf("=") + 1)), resolve };
}

export interface FetchedPage {
  /** Where the page was found, after redirects. */
  url: string;
  /** The media type, lower case, without parameters ("text/html"). */
  mediaType: string;
  charset: string | null;
  body: Buffer;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

class Refusal extends Error {}

/**
 * Fetches a page from the public internet only: http and https, each host's addresses checked before connecting
 * and the connection made to the address checked (no second lookup a DNS rebinding could answer differently),
 * redirects followed by hand and each one checked the same way, at most `maxBytes` read and `timeoutMs` spent. A
 * redirect's or an error's body is not read: its connection is closed at once.
 */
export async function fetchPage(address: string, limits: PageLimits = PAGE_LIMITS): Promise<Result<FetchedPage, string>> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    let url = parseUrl(address);
    for (let hop = 0; ; hop++) {
      const response = await get(url, limits, controller.signal);
      const location = response.headers.location;
      if (REDIRECTS.has(response.statusCode ?? 0) && location) {
        response.destroy();
        if (hop >= limits.maxRedirects) throw new Refusal(`That link redirects more than ${limits.maxRedirects} times; give the article's own address.`);
        url = parseUrl(location, url);
        continue;
      }
      if ((response.statusCode ?? 0) >= 400) {
        response.destroy();
        throw new Refusal(`That link answered HTTP ${response.statusCode}: check it opens in a browser.`);
      }
      const contentType = response.headers["content-type"] ?? "";
      const body = await readBody(response, limits.maxBytes);
      return ok({ url: url.href, mediaType: contentType.split(";")[0]!.trim().toLowerCase(), charset: /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1] ?? null, body });
    }
  } catch (error) {
    if (controller.signal.aborted) return err(`That link took longer than ${limits.timeoutMs / 1000} s to load; try again later, or upload the article's text as a .txt file.`);
    if (error instanceof Refusal) return err(error.message);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOTFOUND" || code === "EAI_AGAIN") return err("That link's host does not exist (no DNS record): check the address.");
    return err(`That link could not be loaded (${code ?? (error as Error).message}); check it opens in a browser.`);
  } finally {
    clearTimeout(timer);
  }
}

function parseUrl(text: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(text.trim(), base);
  } catch {
    throw new Refusal(base ? "That link redirects to an address that is not a URL." : "That is not a URL: give the whole address, starting with https://.");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new Refusal(`${base ? "That link redirects to" : "That is"} a ${url.protocol.replace(":", "")} address: only http and https links are fetched.`);
  if (url.username || url.password) throw new Refusal("Links with a user name or password in them are not fetched.");
  // Any port: the rule is public addresses only, and every address is checked before connecting, so a port reaches
  // nothing but a public server; news sites on :8080 exist, and a port list would refuse them for no safety gained.
  return url;
}

/** Refuses an address that is not public, unless tests allowed it. */
function checkAddress(hostname: string, address: string, limits: PageLimits): void {
  if (!isPublicAddress(address) && !limits.allowedPrivateAddresses.includes(address)) {
    throw new Refusal(`That link ${hostname === address ? "is" : `leads to ${hostname}, which is`} at ${address}, a private or local address: only public web pages are fetched.`);
  }
}

function get(url: URL, limits: PageLimits, signal: AbortSignal): Promise<IncomingMessage> {
  const hostname = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(hostname)) checkAddress(hostname, hostname, limits);
  const resolve = limits.resolve ?? ((host, callback) => dnsLookup(host, { all: true }, callback));
  const lookup: LookupFunction = (host, options, callback) => {
    resolve(host, (error, addresses) => {
      if (error) return callback(error, "", 4);
      try {
        if (addresses.length === 0) throw Object.assign(new Error(`no address for ${host}`), { code: "ENOTFOUND" });
        for (const { address } of addresses) checkAddress(host, address, limits);
      } catch (refusal) {
        return callback(refusal as Error, "", 4);
      }
      if (options.all) return callback(null, addresses);
      const [first] = addresses;
      return callback(null, first!.address, first!.family);
    });
  };
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(url, { lookup, signal, agent: false, headers: { "user-agent": "trade-facts-bot (article fetcher)", accept: "text/html, text/plain;q=0.9, */*;q=0.1" } }, resolve);
    request.on("error", reject);
    request.end();
  });
}

async function readBody(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const tooLarge = () => new Refusal(`That page is larger than ${maxBytes / 1024 / 1024} MB; upload the article's text as a .txt file instead.`);
  if (Number(response.headers["content-length"] ?? 0) > maxBytes) {
    response.destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      response.destroy();
      throw tooLarge();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
