import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { gradeByLanguage, gradeQuestions, parseQuestionLines } from "../../src/knowledge/grade-questions.js";
import { seedEngine } from "../support/seed.js";

function grade(file: string) {
  const questions = parseQuestionLines(readFileSync(new URL(`../fixtures/${file}`, import.meta.url), "utf8"));
  if (!questions.ok) throw new Error(questions.error.join("\n"));
  return gradeQuestions(seedEngine(), questions.value);
}

/**
 * Floors at today's level for every question set (README: "Answer quality"): right answers, refusals, and the
 * most wrong answers (a wrong fact, or an answer where the engine should have refused) each set may have.
 */
const FLOORS: Record<string, { answer?: number; offtopic?: number; nearmiss?: number; wrong: number }> = {
  "questions.dev.jsonl": { answer: 22, offtopic: 8, nearmiss: 4, wrong: 0 },
  "questions.holdout.jsonl": { answer: 40, offtopic: 10, nearmiss: 10, wrong: 0 },
  "questions.review.jsonl": { answer: 15, offtopic: 5, nearmiss: 10, wrong: 0 },
  "questions.chat.jsonl": { answer: 45, offtopic: 10, wrong: 0 },
  "questions.typo.jsonl": { answer: 43, wrong: 0 },
  "questions.nearmiss.jsonl": { offtopic: 8, nearmiss: 34, wrong: 0 },
  "questions.chat-holdout.jsonl": { answer: 38, offtopic: 8, wrong: 0 },
  "questions.typo-holdout.jsonl": { answer: 38, wrong: 0 },
  "questions.nearmiss-holdout.jsonl": { offtopic: 6, nearmiss: 18, wrong: 0 },
  "questions.blind.jsonl": { answer: 68, offtopic: 12, nearmiss: 20, wrong: 0 },
  "questions.ru.jsonl": { answer: 26, offtopic: 6, nearmiss: 8, wrong: 0 },
  "questions.zh.jsonl": { answer: 26, offtopic: 6, nearmiss: 8, wrong: 0 },
  "questions.ru-chat.jsonl": { answer: 45, offtopic: 10, nearmiss: 13, wrong: 0 },
  "questions.zh-chat.jsonl": { answer: 49, offtopic: 10, nearmiss: 13, wrong: 0 },
  "questions.ru-chat-holdout.jsonl": { answer: 23, offtopic: 5, nearmiss: 8, wrong: 0 },
  "questions.zh-chat-holdout.jsonl": { answer: 23, offtopic: 5, nearmiss: 8, wrong: 0 },
  "questions.ru-holdout.jsonl": { answer: 13, offtopic: 3, nearmiss: 4, wrong: 0 },
  "questions.zh-holdout.jsonl": { answer: 13, offtopic: 3, nearmiss: 4, wrong: 0 },
  "questions.ru-round2.jsonl": { answer: 57, offtopic: 7, nearmiss: 16, wrong: 0 },
  "questions.ru-round3.jsonl": { answer: 53, offtopic: 4, nearmiss: 11, wrong: 0 },
  "questions.zh-round2.jsonl": { answer: 55, offtopic: 7, nearmiss: 16, wrong: 1 },
  "questions.ru-blind.jsonl": { answer: 39, offtopic: 10, nearmiss: 12, wrong: 0 },
  "questions.zh-blind.jsonl": { answer: 38, offtopic: 10, nearmiss: 12, wrong: 0 },
  "questions.en-blind2.jsonl": { answer: 49, offtopic: 12, nearmiss: 18, wrong: 0 },
  "questions.ru-blind2.jsonl": { answer: 28, offtopic: 8, nearmiss: 12, wrong: 0 },
  "questions.zh-blind2.jsonl": { answer: 29, offtopic: 8, nearmiss: 12, wrong: 0 },
  "questions.en-blind3.jsonl": { answer: 40, offtopic: 8, nearmiss: 12, wrong: 0 },
  "questions.ru-blind3.jsonl": { answer: 28, offtopic: 4, nearmiss: 8, wrong: 0 },
  "questions.zh-blind3.jsonl": { answer: 27, offtopic: 4, nearmiss: 8, wrong: 0 },
  "questions.partners.jsonl": { answer: 10, nearmiss: 16, wrong: 0 },
  "questions.en-blind4.jsonl": { answer: 33, offtopic: 8, nearmiss: 18, wrong: 0 },
  "questions.ru-blind4.jsonl": { answer: 27, offtopic: 8, nearmiss: 14, wrong: 0 },
  "questions.zh-blind4.jsonl": { answer: 26, offtopic: 8, nearmiss: 14, wrong: 0 },
  "questions.en-blind5.jsonl": { answer: 10, offtopic: 4, nearmiss: 24, wrong: 1 },
  "questions.ru-blind5.jsonl": { answer: 10, offtopic: 4, nearmiss: 24, wrong: 0 },
  "questions.zh-blind5.jsonl": { answer: 12, offtopic: 4, nearmiss: 24, wrong: 0 },
  "questions.en-blind6.jsonl": { answer: 10, offtopic: 4, nearmiss: 14, wrong: 2 },
  "questions.ru-blind6.jsonl": { answer: 10, offtopic: 4, nearmiss: 13, wrong: 3 },
  "questions.zh-blind6.jsonl": { answer: 9, offtopic: 4, nearmiss: 12, wrong: 4 },
};

describe("answer quality floors", () => {
  it.each(Object.entries(FLOORS))("%s", (file, floor) => {
    const { byKind, wrongAnswers } = grade(file);
    for (const kind of ["answer", "offtopic", "nearmiss"] as const) {
      expect(byKind[kind].right, kind).toBeGreaterThanOrEqual(floor[kind] ?? 0);
      if (floor[kind] === undefined) expect(byKind[kind].total, kind).toBe(0);
    }
    expect(wrongAnswers).toBeLessThanOrEqual(floor.wrong);
  });

  it("every off-topic question in every set is refused", () => {
    for (const file of Object.keys(FLOORS)) {
      const { byKind } = grade(file);
      expect(byKind.offtopic.right, file).toBe(byKind.offtopic.total);
    }
  });
});

describe("grading", () => {
  it("reports a bad question line with its number", () => {
    const parsed = parseQuestionLines('{"q":"a","kind":"answer","expect":["x"]}\n{"q":"b","kind":"maybe"}\nnot json');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.map((line) => line.split(":")[0])).toEqual(["line 2", "line 3"]);
  });

  it("reads lang zh as zh-CN", () => {
    const questions = parseQuestionLines('{"q":"辽宁对俄出口多少","kind":"answer","expect":["42.64"],"lang":"zh"}');
    expect(questions.ok && questions.value[0]?.lang).toBe("zh-CN");
  });

  it("grades each language apart, a line without lang as English", () => {
    const questions = parseQuestionLines(
      ['{"q":"How much did Liaoning export to Russia?","kind":"answer","expect":["42.64"]}', '{"q":"辽宁对俄出口多少","kind":"answer","expect":["42.64"],"lang":"zh-CN"}', '{"q":"饺子怎么包","kind":"offtopic","lang":"zh-CN"}', '{"q":"как приготовить борщ","kind":"offtopic","lang":"ru"}'].join("\n"),
    );
    if (!questions.ok) throw new Error(questions.error.join("\n"));
    const grades = gradeByLanguage(seedEngine(), questions.value);
    expect([...grades.keys()]).toEqual(["en", "zh-CN", "ru"]);
    expect(grades.get("zh-CN")?.byKind).toEqual({ answer: { right: 1, total: 1 }, offtopic: { right: 1, total: 1 }, nearmiss: { right: 0, total: 0 } });
    expect(grades.get("ru")?.byKind.offtopic).toEqual({ right: 1, total: 1 });
  });

  it("counts an answer with the wrong fact, or to a question it should refuse, as a wrong answer", () => {
    const questions = parseQuestionLines(
      ['{"q":"How much did Liaoning export to Russia?","kind":"answer","expect":["not in any fact"]}', '{"q":"Which provinces are in northeast China?","kind":"nearmiss"}', '{"q":"hello","kind":"offtopic"}'].join("\n"),
    );
    if (!questions.ok) throw new Error(questions.error.join("\n"));
    expect(gradeQuestions(seedEngine(), questions.value).wrongAnswers).toBe(2);
  });
});
