import { parseArgs } from "node:util";
import { isReplyLocale, REPLY_LOCALES, replyLocale, type ReplyLocale } from "../i18n/locale.js";
import { answerToJson } from "../knowledge/answer-view.js";
import type { Engine } from "../knowledge/engine.js";
import { cliLoggerOrExit } from "./cli-env.js";
import { describeArgsError, endQuietlyWhenStdoutCloses, exitWithUsage, stdinLines } from "./cli-io.js";
import { formatAnswerText } from "./format-answer.js";
import { loadEngineOrExit } from "./open-store.js";

const USAGE = `Usage: npm run ask -- [--json] [--lang ${REPLY_LOCALES.join("|")}] "question" (or - to read one question a line from stdin).`;

function parse(): { json: boolean; lang: ReplyLocale | undefined; question: string } {
  try {
    const { values, positionals } = parseArgs({
      options: { json: { type: "boolean" }, lang: { type: "string" }, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
    });
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    }
    if (values.lang !== undefined && !isReplyLocale(values.lang)) exitWithUsage(`ask: --lang must be one of ${REPLY_LOCALES.join(", ")}, not "${values.lang}".`, USAGE);
    if (positionals.length === 0) exitWithUsage("ask: no question given.", USAGE);
    return { json: values.json ?? false, lang: values.lang, question: positionals.join(" ") };
  } catch (error) {
    exitWithUsage(`ask: ${describeArgsError(error)}`, USAGE);
  }
}

function render(engine: Engine, question: string, json: boolean): string {
  const started = performance.now();
  const answer = engine.answer(question);
  log.debug({ answered: answer.answered, confidence: answer.confidence, ms: performance.now() - started }, "answered");
  return json ? JSON.stringify(answerToJson(answer, engine)) : formatAnswerText(answer, engine, lang ?? replyLocale(answer.language));
}

endQuietlyWhenStdoutCloses();
const { json, lang, question } = parse();
const log = cliLoggerOrExit();
const engine = loadEngineOrExit();
if (question === "-") {
  let first = true;
  for await (const line of stdinLines()) {
    process.stdout.write(`${json || first ? "" : "\n"}${render(engine, line, json)}\n`);
    first = false;
  }
} else {
  process.stdout.write(`${render(engine, question, json)}\n`);
}
