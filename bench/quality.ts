import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildEngine } from "../src/knowledge/engine.js";
import { gradeQuestions, parseQuestionLines, type Grade } from "../src/knowledge/grade-questions.js";
import type { FactBase } from "../src/knowledge/schema.js";
import { asGradableEngine } from "./answerer.js";
import { buildFuse } from "./measure-baseline.js";
import { buildMiniSearch } from "./measure-minisearch.js";

/**
 * Answer quality on the dev question set, graded for all three contenders by the engine's own grader
 * (`gradeQuestions`): an answer question is right when the contender answers and its top fact's statement or
 * quote holds an expected string; off-topic and near-miss questions are right when it refuses. MiniSearch and
 * Fuse.js answer with their top hit and refuse only when they return no hit at all.
 */

export const DEV_QUESTIONS = fileURLToPath(new URL("../test/fixtures/questions.dev.jsonl", import.meta.url));

export type ContenderName = "engine" | "minisearch" | "fuse";

export interface QualityMeasurement {
  /** The question file, relative to the repository. */
  file: string;
  grades: Record<ContenderName, Grade["byKind"]>;
}

export function measureQuality(seed: FactBase, file = DEV_QUESTIONS): QualityMeasurement {
  const questions = parseQuestionLines(readFileSync(file, "utf8"));
  if (!questions.ok) throw new Error(`${file}:\n${questions.error.join("\n")}`);
  const grade = (engine: Parameters<typeof gradeQuestions>[0]): Grade["byKind"] => gradeQuestions(engine, questions.value).byKind;
  return {
    file: file.slice(fileURLToPath(new URL("..", import.meta.url)).length),
    grades: {
      engine: grade(buildEngine(seed)),
      minisearch: grade(asGradableEngine(buildMiniSearch(seed), seed)),
      fuse: grade(asGradableEngine(buildFuse(seed), seed)),
    },
  };
}

/** Questions graded right, of every kind. */
export function totalRight(byKind: Grade["byKind"]): { right: number; total: number } {
  const kinds = Object.values(byKind);
  return { right: kinds.reduce((sum, kind) => sum + kind.right, 0), total: kinds.reduce((sum, kind) => sum + kind.total, 0) };
}
