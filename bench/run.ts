import { parseArgs } from "node:util";
import { formatFileProblem, readFactBaseFile, SEED_PATH } from "../src/knowledge/fact-base-file.js";
import type { FactBase } from "../src/knowledge/schema.js";
import { generateFactBase } from "./generate-facts.js";
import { generateQuestions, generateTaggedQuestions } from "./generate-questions.js";
import { measureBaseline } from "./measure-baseline.js";
import { measureBot } from "./measure-bot.js";
import { measureEngine } from "./measure-engine.js";
import { measureMiniSearch } from "./measure-minisearch.js";
import { measureQuality } from "./quality.js";
import { botReport, qualityTable, toJson, toTable, toTargets, type BenchRun } from "./report.js";
import { timed } from "./stats.js";

/**
 * `npm run bench [-- --json] [-- --sizes 1000,10000] [-- --only engine|bot]`: the engine against MiniSearch (what a
 * user would really pick) and a default-option Fuse.js scan, side by side, on the real fact base and on generated
 * bases of the given sizes; answer quality of all three on the dev question set; then the compiled bot.
 */

const DEFAULT_SIZES = "1000,10000,100000";
const FACT_SEED = 20_240_601;
const QUESTION_SEED = 7;
const BOT_ASKS = 1_000;
const BOT_CHANNEL_MESSAGES = 1_000;
/** Above this many facts, MiniSearch takes seconds a question and Fuse.js tens of seconds: fewer questions there. */
const LARGE_BASE = 20_000;

const progress = (message: string): void => void process.stderr.write(`${message}\n`);

/** Questions timed for the engine and MiniSearch: at least 200 at every size, so p99 is not the maximum. */
function questionCount(facts: number): number {
  return facts <= LARGE_BASE ? 300 : 200;
}

/** Untimed questions each contender answers first: the same number for all three on a base. */
function warmUpCount(facts: number): number {
  return facts <= LARGE_BASE ? 50 : 5;
}

/** Fuse.js scans every fact per question (seconds a question at 100k), so bigger bases time fewer with it. */
function fuseQuestionCount(facts: number): number {
  if (facts <= 2_000) return questionCount(facts);
  if (facts <= LARGE_BASE) return 60;
  return 5;
}

function parseSizes(list: string): number[] {
  return list.split(",").map((entry) => {
    const size = Number(entry.trim());
    if (!Number.isInteger(size) || size <= 0) throw new Error(`--sizes: "${entry}" is not a positive integer`);
    return size;
  });
}

function loadRealBase(): FactBase {
  const base = readFactBaseFile(SEED_PATH);
  if (!base.ok) throw new Error(base.error.map(formatFileProblem).join("\n"));
  return base.value;
}

function benchmark(label: string, base: FactBase): BenchRun {
  const facts = base.facts.length;
  const questions = generateTaggedQuestions(base, questionCount(facts), QUESTION_SEED);
  const texts = questions.map((question) => question.text);
  const warmUp = generateQuestions(base, warmUpCount(facts), QUESTION_SEED + 1);
  const step = <T>(what: string, run: () => T): T => {
    progress(`${label} ${facts} facts: ${what}`);
    const { ms, value } = timed(run);
    progress(`  done in ${(ms / 1000).toFixed(1)} s`);
    return value;
  };
  const engine = step(`engine, ${texts.length} questions after ${warmUp.length} to warm up, then swap-ins and long questions`, () =>
    measureEngine(base, texts, warmUp));
  const minisearch = step(`MiniSearch, ${texts.length} questions after ${warmUp.length}`, () => measureMiniSearch(base, texts, warmUp));
  const fuseQuestions = texts.slice(0, fuseQuestionCount(facts));
  const baseline = step(`Fuse.js, ${fuseQuestions.length} questions after ${warmUp.length}`, () => measureBaseline(base, fuseQuestions, warmUp));
  return { label, facts, questions, engine, minisearch, baseline };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: "boolean", default: false },
      sizes: { type: "string", default: DEFAULT_SIZES },
      only: { type: "string" },
    },
  });
  if (values.only !== undefined && values.only !== "engine" && values.only !== "bot") throw new Error('--only takes "engine" or "bot"');
  const sizes = parseSizes(values.sizes);
  if (globalThis.gc === undefined) progress("warning: run node with --expose-gc (npm run bench does) or heap figures include garbage");
  const runs: BenchRun[] = [];
  const started = Date.now();

  const realBase = loadRealBase();
  const quality = values.only === "bot" ? undefined : measureQuality(realBase);
  if (values.only !== "bot") {
    runs.push(benchmark("facts.json", realBase));
    for (const size of sizes) {
      const generation = timed(() => generateFactBase(size, FACT_SEED));
      progress(`generated ${size} facts in ${generation.ms.toFixed(0)} ms`);
      runs.push(benchmark("generated", generation.value));
    }
  }
  const bot = values.only === "engine" ? undefined : await measureBot(botQuestions(realBase), BOT_ASKS, BOT_CHANNEL_MESSAGES, progress);

  progress(`bench took ${((Date.now() - started) / 60_000).toFixed(1)} min`);

  if (values.json) process.stdout.write(`${toJson({ runs, ...(quality ? { quality } : {}), ...(bot ? { bot } : {}) })}\n`);
  else {
    const engineHalf = runs.length > 0 ? [toTable(runs), quality ? qualityTable(quality) : "", toTargets(runs, quality)] : [];
    console.log([...engineHalf, bot ? botReport(bot) : ""].filter(Boolean).join("\n\n"));
  }
}

/** Questions people ask, and off-topic ones, in the proportions of the engine runs. */
function botQuestions(base: FactBase): string[] {
  return generateQuestions(base, 200, QUESTION_SEED + 2);
}

await main();
