import { err, ok, type Result } from "../result.js";
import { checkArticleText, decodeUtf8 } from "../knowledge/source-text.js";
import { extractArticle } from "./extract-article.js";
import { fetchPage, PAGE_LIMITS, type PageLimits } from "./fetch-page.js";

export interface FetchedArticle {
  /** Where the article was found, after redirects. */
  url: string;
  title: string | null;
  /** Checked by the text rules of a source (src/knowledge/source-text.ts). */
  text: string;
  siteName: string | null;
  publishedTime: string | null;
}

const HTML = new Set(["text/html", "application/xhtml+xml"]);
const NAME = "The article at that link";

/**
 * The article behind a link, ready to be a source's text: fetched from the public internet only (fetch-page.ts),
 * decoded in the charset the page declares (UTF-8, strictly, when it declares none), the article taken out of an
 * HTML page, and checked like any source text. Every refusal is one sentence for the moderator.
 */
export async function fetchArticle(address: string, limits: PageLimits = PAGE_LIMITS): Promise<Result<FetchedArticle, string>> {
  const page = await fetchPage(address, limits);
  if (!page.ok) return page;
  const { url, mediaType, body } = page.value;
  if (mediaType === "application/pdf") return err("That link is a PDF: copy its text into a .txt file and upload that instead.");
  if (!HTML.has(mediaType) && mediaType !== "text/plain") {
    return err(`That link is ${mediaType ? `a ${mediaType} file` : "a file of unknown type"}, not a web page or text: give the article's page, or upload its text as a .txt file.`);
  }
  const charset = page.value.charset ?? (HTML.has(mediaType) ? declaredCharset(body) : null);
  const decoded = decode(body, charset);
  if (!decoded.ok) return decoded;
  if (mediaType === "text/plain") {
    const text = checkArticleText(decoded.value, NAME);
    return text.ok ? ok({ url, title: null, text: text.value, siteName: null, publishedTime: null }) : text;
  }
  const article = extractArticle(decoded.value);
  if (!article) return err("I found no article on that page (a front page, a gallery, or a page built by scripts?): upload its text as a .txt file instead.");
  const text = checkArticleText(article.text, NAME);
  return text.ok ? ok({ url, ...article, text: text.value }) : text;
}

/** The charset an HTML page declares in a meta tag within its first 1,024 bytes, as browsers look for it. */
function declaredCharset(body: Buffer): string | null {
  const head = body.subarray(0, 1024).toString("latin1");
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1] ?? null;
}

function decode(body: Buffer, charset: string | null): Result<string, string> {
  if (!charset || /^utf-?8$/i.test(charset)) return decodeUtf8(body, "That page", "upload its text as a UTF-8 .txt file instead");
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    return err(`That page is in the character set "${charset}", which I cannot read: upload its text as a UTF-8 .txt file instead.`);
  }
  try {
    return ok(decoder.decode(body));
  } catch {
    return err(`That page says it is in ${charset} but holds bytes that are not: upload its text as a UTF-8 .txt file instead.`);
  }
}
