import { z } from "zod";
import { err, ok, type Result } from "../result.js";
import type { Abstention } from "./abstention.js";
import type { Engine } from "./engine.js";

/** The language a question is written in; a line without one is English, and "zh" is read as "zh-CN". */
const lang = z
  .enum(["en", "ru", "zh-CN", "zh"])
  .transform((language) => (language === "zh" ? "zh-CN" : language))
  .optional();

export const EvalQuestionSchema = z.discriminatedUnion("kind", [
  z.object({ q: z.string(), kind: z.literal("answer"), expect: z.array(z.string().min(1)).min(1), lang }),
  z.object({ q: z.string(), kind: z.literal("offtopic"), lang }),
  z.object({ q: z.string(), kind: z.literal("nearmiss"), lang }),
]);
export type EvalQuestion = z.infer<typeof EvalQuestionSchema>;
export type QuestionKind = EvalQuestion["kind"];

export interface Miss {
  question: EvalQuestion;
  answered: boolean;
  topId: string | undefined;
  topStatement: string | undefined;
  abstention: Abstention | undefined;
}

export type QuestionLanguage = NonNullable<EvalQuestion["lang"]>;

export interface Grade {
  byKind: Record<QuestionKind, { right: number; total: number }>;
  misses: Miss[];
  /** Misses where the engine answered: a wrong fact, or an answer where it should have abstained. */
  wrongAnswers: number;
}

/** The grade of each language's questions, in the order the languages first appear. */
export type GradeByLanguage = Map<QuestionLanguage, Grade>;

/** Reads a JSONL question file: one problem per bad line, with its line number. */
export function parseQuestionLines(text: string): Result<EvalQuestion[], string[]> {
  const questions: EvalQuestion[] = [];
  const problems: string[] = [];
  text.split("\n").forEach((line, index) => {
    if (!line.trim()) return;
    try {
      const parsed = EvalQuestionSchema.safeParse(JSON.parse(line));
      if (parsed.success) questions.push(parsed.data);
      else problems.push(`line ${index + 1}: ${parsed.error.issues.map((issue) => `${issue.path.join(".") || "entry"}: ${issue.message}`).join("; ")}`);
    } catch (error) {
      problems.push(`line ${index + 1}: not valid JSON (${(error as Error).message})`);
    }
  });
  return problems.length > 0 ? err(problems) : ok(questions);
}

/**
 * An `answer` question is right when the engine answers and its top fact's statement or quote holds one of
 * the expected strings (case-insensitive); `offtopic` and `nearmiss` questions are right when it abstains.
 */
export function gradeByLanguage(engine: Engine, questions: readonly EvalQuestion[]): GradeByLanguage {
  const groups = new Map<QuestionLanguage, EvalQuestion[]>();
  for (const question of questions) {
    const language = question.lang ?? "en";
    groups.set(language, [...(groups.get(language) ?? []), question]);
  }
  return new Map([...groups].map(([language, group]) => [language, gradeQuestions(engine, group)]));
}

export function gradeQuestions(engine: Engine, questions: readonly EvalQuestion[]): Grade {
  const byKind: Grade["byKind"] = { answer: { right: 0, total: 0 }, offtopic: { right: 0, total: 0 }, nearmiss: { right: 0, total: 0 } };
  const misses: Miss[] = [];
  for (const question of questions) {
    const answer = engine.answer(question.q);
    const top = answer.results[0]?.fact;
    const right =
      question.kind === "answer"
        ? answer.answered && top !== undefined && question.expect.some((expected) => `${top.statement}\n${top.quote}`.toLowerCase().includes(expected.toLowerCase()))
        : !answer.answered;
    byKind[question.kind].total++;
    if (right) byKind[question.kind].right++;
    else misses.push({ question, answered: answer.answered, topId: top?.id, topStatement: top?.statement, abstention: answer.abstention });
  }
  return { byKind, misses, wrongAnswers: misses.filter((miss) => miss.answered).length };
}
