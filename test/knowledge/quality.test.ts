import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { gradeQuestions, parseQuestionLines } from "../../src/knowledge/grade-questions.js";
import { seedEngine } from "../support/seed.js";

function grade(file: string) {
  const questions = parseQuestionLines(readFileSync(new URL(`../fixtures/${file}`, import.meta.url), "utf8"));
  if (!questions.ok) throw new Error(questions.error.join("\n"));
  return gradeQuestions(seedEngine(), questions.value);
}

describe("answer quality floors", () => {
  it("dev set: every answer right and first, every off-topic refused, 3 of 4 near misses refused", () => {
    const { byKind, misses } = grade("questions.dev.jsonl");
    expect(misses.filter((miss) => miss.question.kind !== "nearmiss")).toEqual([]);
    expect(byKind.answer).toEqual({ right: 22, total: 22 });
    expect(byKind.offtopic).toEqual({ right: 8, total: 8 });
    expect(byKind.nearmiss.right).toBeGreaterThanOrEqual(3);
  });

  it("held-out set written apart from the tuning: no regression below today's level", () => {
    const { byKind } = grade("questions.holdout.jsonl");
    expect(byKind.answer.right).toBeGreaterThanOrEqual(40);
    expect(byKind.offtopic.right).toBeGreaterThanOrEqual(10);
    expect(byKind.nearmiss.right).toBeGreaterThanOrEqual(8);
  });
});

describe("answer quality floors, continued", () => {
  it("review set, written by a reviewer after the engine was built: no regression below today's level", () => {
    const { byKind } = grade("questions.review.jsonl");
    expect(byKind.answer.right).toBeGreaterThanOrEqual(15);
    expect(byKind.offtopic.right).toBeGreaterThanOrEqual(5);
    expect(byKind.nearmiss.right).toBeGreaterThanOrEqual(9);
  });
});

describe("grading", () => {
  it("reports a bad question line with its number", () => {
    const parsed = parseQuestionLines('{"q":"a","kind":"answer","expect":["x"]}\n{"q":"b","kind":"maybe"}\nnot json');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.map((line) => line.split(":")[0])).toEqual(["line 2", "line 3"]);
  });
});
