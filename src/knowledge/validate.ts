import type { z } from "zod";
import { translationProblems } from "./validate-translations.js";
import { FactBaseSchema, FactSchema, SourceSchema, type Fact, type FactBase, type Source } from "./schema.js";

/** One thing wrong with a fact base: where (fact or source id, field) and why. */
export interface Problem {
  /** "fact <id>", "source <id>", or the part of the file when no id applies. */
  subject: string;
  field: string;
  reason: string;
}

/** Problems on one line, as the command line and Discord show them: "quote: not found in the source; topic: …". */
export function problemsLine(problems: readonly Problem[]): string {
  return problems.map((problem) => `${problem.field}: ${problem.reason}`).join("; ");
}

/** Every problem in a parsed fact base: schema, unique ids, sources, verbatim quotes, figures. */
export function validateFactBase(data: unknown): { base?: FactBase; problems: Problem[] } {
  const parsed = FactBaseSchema.safeParse(data, { reportInput: true });
  if (parsed.success) {
    const problems = consistencyProblems(parsed.data);
    return problems.length === 0 ? { base: parsed.data, problems } : { problems };
  }
  const schemaProblems = parsed.error.issues.map((issue) => problemFromIssue(issue, data));
  return { problems: [...schemaProblems, ...consistencyProblems(wellFormedParts(data))] };
}

function consistencyProblems(base: FactBase): Problem[] {
  return [...duplicateIds(base), ...factProblems(base)];
}

/** The sources and facts that pass the schema on their own, so one bad entry does not hide the others' problems. */
function wellFormedParts(data: unknown): FactBase {
  const { sources, facts } = (typeof data === "object" && data !== null ? data : {}) as Record<string, unknown>;
  const keep = <T>(items: unknown, schema: z.ZodType<T>): T[] =>
    Array.isArray(items) ? items.flatMap((item) => {
      const parsed = schema.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    }) : [];
  return { sources: keep(sources, SourceSchema), facts: keep(facts, FactSchema) };
}

function problemFromIssue(issue: z.core.$ZodIssue, data: unknown): Problem {
  const [collection, position, ...rest] = issue.path;
  if ((collection === "facts" || collection === "sources") && typeof position === "number") {
    const item = (data as Record<string, unknown[]>)[collection]?.[position] as { id?: unknown } | undefined;
    const kind = collection === "facts" ? "fact" : "source";
    const name = typeof item?.id === "string" && item.id ? item.id : `#${position + 1}`;
    return { subject: `${kind} ${name}`, field: rest.join(".") || "(entry)", reason: describeIssue(issue) };
  }
  return { subject: "file", field: issue.path.join(".") || "(top level)", reason: describeIssue(issue) };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  return issue.code === "invalid_type" && issue.input === undefined ? "is missing" : issue.message;
}

function duplicateIds(base: FactBase): Problem[] {
  const problems: Problem[] = [];
  for (const [kind, items] of [["fact", base.facts], ["source", base.sources]] as const) {
    const seen = new Set<string>();
    for (const { id } of items) {
      if (seen.has(id)) problems.push({ subject: `${kind} ${id}`, field: "id", reason: `duplicate id: another ${kind} already uses "${id}"` });
      seen.add(id);
    }
  }
  return problems;
}

function factProblems(base: FactBase): Problem[] {
  const sources = new Map(base.sources.map((source) => [source.id, source]));
  return base.facts.flatMap((fact) => [...claimProblems(`fact ${fact.id}`, fact, sources.get(fact.sourceId)), ...translationProblems(`fact ${fact.id}`, fact)]);
}

/** What is wrong with a claim against its source: unknown source, a quote not in its text, figures not in the quote. */
export function claimProblems(subject: string, claim: Pick<Fact, "statement" | "quote" | "sourceId">, source: Source | undefined): Problem[] {
  if (!source) return [{ subject, field: "sourceId", reason: `no source has the id "${claim.sourceId}"` }];
  const problems: Problem[] = [];
  if (source.text !== null && !quoteAppearsIn(claim.quote, source.text)) {
    problems.push({ subject, field: "quote", reason: `not found word for word in the text of source ${source.id}` });
  }
  const missing = figuresMissingFromQuote(claim.statement, claim.quote);
  if (missing.length > 0) {
    problems.push({ subject, field: "statement", reason: `figure${missing.length > 1 ? "s" : ""} ${missing.join(", ")} not in the quote` });
  }
  return problems;
}

/** Curly and straight quotes count as the same, and any run of whitespace as one space. */
export function quoteAppearsIn(quote: string, text: string): boolean {
  return normaliseForQuote(text).includes(normaliseForQuote(quote));
}

/** A quote as compared with a source's text: curly quotes straight, whitespace runs as one space. */
export function normaliseForQuote(text: string): string {
  return text.replace(/[‘’‛`]/g, "'").replace(/[“”„]/g, '"').replace(/\s+/g, " ").trim();
}

/** Figures of a statement (42.64, 2022, 3,000) that its quote does not hold. */
export function figuresMissingFromQuote(statement: string, quote: string): string[] {
  const quoted = new Set(numeralsIn(quote));
  return [...new Set(numeralsIn(statement))].filter((figure) => !quoted.has(figure));
}

/** The numerals of a text as digits: "3,000" is "3000" (a comma before three digits groups thousands), "3,4" stays two numbers' text. */
export function numeralsIn(text: string): string[] {
  return (text.match(/\d[\d,]*(?:\.\d+)?/g) ?? []).map((figure) => figure.replace(/,(?=\d{3}\b)/g, "").replace(/,$/, ""));
}
