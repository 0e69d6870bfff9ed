import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";

export interface ExtractedArticle {
  title: string | null;
  /** The article's paragraphs, separated by blank lines. */
  text: string;
  siteName: string | null;
  /** As the page states it (ISO 8601 in its metadata), or null. */
  publishedTime: string | null;
}

/** Elements after which the text breaks: a paragraph (blank line) or a line. */
const PARAGRAPHS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figure, table, tr, div, section, article, header, footer, dd, dt";

/** Minimal DOM surface the serializer reads (linkedom's nodes, typed without the DOM library). */
interface TextNode {
  textContent: string | null;
  querySelectorAll(selectors: string): Iterable<{ after(text: string): void }>;
}

/**
 * The article in a web page, as Firefox's Reader View finds it (Mozilla's Readability over linkedom's DOM): its
 * title and its text without navigation, share buttons, captions, related links or comments. Undefined when the
 * page holds no article.
 */
export function extractArticle(html: string): ExtractedArticle | undefined {
  // Readability's and linkedom's types name the DOM's Document and Window, which a Node project (no DOM lib) lacks.
  const { document } = parseHTML(html) as unknown as { document: never };
  const article = new Readability<string>(document, { serializer: (node) => textOf(node as never) }).parse();
  const text = article?.content?.trim();
  if (!article || !text) return undefined;
  const clean = (value: string | null | undefined) => value?.replace(/\s+/g, " ").trim() || null;
  return { title: clean(article.title), text, siteName: clean(article.siteName), publishedTime: clean(article.publishedTime) };
}

function textOf(node: TextNode): string {
  for (const element of node.querySelectorAll(PARAGRAPHS)) element.after("\n\n");
  for (const element of node.querySelectorAll("br")) element.after("\n");
  return (node.textContent ?? "")
    .split("\n")
    .map((line) => line.replace(/[ \t\u00a0]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n");
}
