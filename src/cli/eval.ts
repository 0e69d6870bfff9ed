import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { describeAbstention } from "../knowledge/abstention.js";
import { gradeByLanguage, parseQuestionLines, type Grade, type QuestionKind } from "../knowledge/grade-questions.js";
import { describeArgsError, endQuietlyWhenStdoutCloses, exitWithError, exitWithUsage } from "./cli-io.js";
import { loadEngineOrExit } from "./open-store.js";

const USAGE = "Usage: npm run eval -- FILE.jsonl [--verbose].";

function parse(): { file: string; verbose: boolean } {
  try {
    const { values, positionals } = parseArgs({ options: { verbose: { type: "boolean", short: "v" } }, allowPositionals: true });
    if (positionals.length !== 1) exitWithUsage(`eval: expected one question file, got ${positionals.length}.`, USAGE);
    return { file: positionals[0]!, verbose: values.verbose ?? false };
  } catch (error) {
    exitWithUsage(`eval: ${describeArgsError(error)}`, USAGE);
  }
}

endQuietlyWhenStdoutCloses();
const { file, verbose } = parse();
let text: string;
try {
  text = readFileSync(file, "utf8");
} catch (error) {
  exitWithError([`eval: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`]);
}
const questions = parseQuestionLines(text);
if (!questions.ok) exitWithError(questions.error.map((problem) => `${file}: ${problem}`));

const grades = gradeByLanguage(loadEngineOrExit(), questions.value);
const perLanguage = questions.value.some((question) => question.lang !== undefined);
for (const [language, grade] of grades) {
  if (perLanguage) process.stdout.write(`${language}\n`);
  report(grade, perLanguage ? "  " : "");
}

function report(grade: Grade, indent: string): void {
  if (verbose) {
    for (const { question, answered, topId, topStatement, abstention } of grade.misses) {
      const why = abstention ? `: ${describeAbstention(abstention)}` : "";
      const got = answered ? `answered with ${topId}: ${topStatement}` : `abstained${topId ? ` (closest: ${topId})` : ""}${why}`;
      const wanted = question.kind === "answer" ? `expected one of ${JSON.stringify(question.expect)}` : "expected to abstain";
      process.stdout.write(`${indent}MISS [${question.kind}] ${JSON.stringify(question.q)}: ${got}; ${wanted}\n`);
    }
  }
  const kinds: QuestionKind[] = ["answer", "offtopic", "nearmiss"];
  for (const kind of kinds) {
    const { right, total } = grade.byKind[kind];
    if (total > 0) process.stdout.write(`${indent}${kind.padEnd(9)} ${right}/${total}\n`);
  }
  process.stdout.write(`${indent}wrong answers: ${grade.wrongAnswers}\n`);
}
