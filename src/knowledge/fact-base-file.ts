import { readFileSync, statSync } from "node:fs";
import { isAbsolute, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { err, ok, type Result } from "../result.js";
import type { FactBase } from "./schema.js";
import { validateFactBase, type Problem } from "./validate.js";

/** The curated seed, reviewed in git (this path holds from src/ under tsx and from dist/ when built). */
export const SEED_PATH = fileURLToPath(new URL("../../src/knowledge/facts.json", import.meta.url));

export interface FileProblem extends Problem {
  file: string;
  line?: number;
}

/** Larger fact base files are refused before they are read: parsing one takes several times its size in memory. */
export const MAX_FACT_FILE_BYTES = 64 * 1024 * 1024;

/** Reads and validates a fact base file; never writes it. Each problem names the file and, where it can, the line. */
export function readFactBaseFile(file: string): Result<FactBase, FileProblem[]> {
  let raw: string;
  try {
    const { size } = statSync(file);
    if (size > MAX_FACT_FILE_BYTES) {
      return err([{ file, subject: "file", field: "(file)", reason: `is ${size.toLocaleString("en-US")} bytes; the limit is ${MAX_FACT_FILE_BYTES / 1024 / 1024} MB` }]);
    }
    raw = readFileSync(file, "utf8");
  } catch (error) {
    return err([{ file, subject: "file", field: "(file)", reason: `cannot be read: ${(error as Error).message}` }]);
  }
  return parseFactBaseText(raw, file);
}

export function parseFactBaseText(raw: string, file: string): Result<FactBase, FileProblem[]> {
  let data: unknown;
  try {
    data = JSON.parse(raw.replace(/^\uFEFF/, ""));
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message)?.[1];
    const line = position !== undefined ? lineAt(raw, Number(position)) : /end of JSON input/.test(message) ? lineAt(raw, raw.length) : undefined;
    return err([{ file, line, subject: "file", field: "(JSON)", reason: `not valid JSON: ${message}` }]);
  }
  const { base, problems } = validateFactBase(data);
  if (base) return ok(base);
  return err(problems.map((problem) => ({ ...problem, file, line: lineOf(raw, problem) })));
}

/** One problem as one line: `file:line: subject, field: reason` (line breaks inside any part become spaces). */
export function formatFileProblem({ file, line, subject, field, reason }: FileProblem): string {
  return `${displayPath(file)}${line === undefined ? "" : `:${line}`}: ${subject}, ${field}: ${reason}`.replace(/\s*[\r\n]+\s*/g, " ");
}

/** A path as short as it can be said: relative to the working directory when it lies below it. */
export function displayPath(file: string): string {
  const fromHere = relative(process.cwd(), file);
  return isAbsolute(file) && !fromHere.startsWith("..") ? fromHere : file;
}

function lineOf(raw: string, problem: Problem): number | undefined {
  const id = /^(?:fact|source) (.+)$/.exec(problem.subject)?.[1];
  if (id === undefined || id.startsWith("#")) return undefined;
  const quoted = JSON.stringify(id);
  for (let at = raw.indexOf(quoted); at >= 0; at = raw.indexOf(quoted, at + 1)) {
    if (/"id"\s*:\s*$/.test(raw.slice(Math.max(0, at - 40), at))) return lineAt(raw, at);
  }
  return undefined;
}

function lineAt(raw: string, position: number): number {
  return raw.slice(0, position).split("\n").length;
}
