import { parseArgs } from "node:util";
import { formatFileProblem, readFactBaseFile, SEED_PATH } from "../src/knowledge/fact-base-file.js";
import type { FactBase } from "../src/knowledge/schema.js";
import { generateFactBase } from "./generate-facts.js";
import { generateForeignQuestions, QUESTION_LANGUAGES } from "./generate-foreign-questions.js";
import { generateQuestions, generateTaggedQuestions } from "./generate-questions.js";
import { measureBaseline } from "./measure-baseline.js";
import { measureBot } from "./measure-bot.js";
import { measureEngine } from "./measure-engine.js";
import { measureMiniSearch } from "./measure-minisearch.js";
import { measureQuality } from "./quality.js";
import { botReport, qualityTable, toJson, toTable, toTargets, type BenchRun } from "./report.js";
import { timed } from "./stats.js";

/**
 * `npm run bench [-- --json] [-- --sizes 1000,10000] [-- --only engine|bot] [-- --contenders engine]`: the engine
 * against MiniSearch (what a user would really pick) and a default-option Fuse.js scan, side by side, on the real
 * fact base and on generated bases of the given sizes, the engine also on a stream of Russian, Chinese and mixed
 * questions; answer quality of all three on the dev question set; then the compiled bot. `--contenders engine`
 * leaves MiniSearch and Fuse.js out (most of the run's time at 100k).
 */

const DEFAULT_SIZES = "1000,10000,100000";
const FACT_SEED = 20_240_601;
const QUESTION_SEED = 7;
const FOREIGN_QUESTION_SEED = 11;
/** The engine is built this many times on each base: the build time is reported as their median and minimum. */
const ENGINE_BUILDS = 3;
const BOT_ASKS = 1_000;
const BOT_CHANNEL_MESSAGES = 1_000;
/** Above this many facts, MiniSearch takes seconds a question and Fuse.js tens of seconds: fewer questions there. */
const LARGE_BASE = 20_000;

const progress = (message: string): void => void process.stderr.write(`${message}\n`);

/** Questions timed for the engine and MiniSearch: at least 200 at every size, so p99 is not the maximum. */
function questionCount(facts: number): number {
  return facts <= LARGE_BASE ? 300 : 200;
}

/**
 * Questions each contender answers before the timed ones, drawn like them: up to LARGE_BASE facts as many as are
 * timed, since the engine's code still compiles over its first 150 or so questions after a build (their p99 is
 * reported apart); above it, a few, as MiniSearch takes seconds a question there.
 */
function warmUpCount(facts: number): number {
  return facts <= LARGE_BASE ? questionCount(facts) : 5;
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

const CONTENDERS = ["engine", "minisearch", "fuse"] as const;

function parseContenders(list: string): Set<string> {
  const contenders = new Set(list.split(",").map((entry) => entry.trim()));
  const unknown = [...contenders].find((entry) => !(CONTENDERS as readonly string[]).includes(entry));
  if (unknown !== undefined) throw new Error(`--contenders: "${unknown}" is not one of ${CONTENDERS.join(", ")}`);
  if (!contenders.has("engine")) throw new Error("--contenders: the engine is always measured; list it");
  return contenders;
}

function benchmark(label: string, base: FactBase, contenders: ReadonlySet<string>): BenchRun {
  const facts = base.facts.length;
  const questions = generateTaggedQuestions(base, questionCount(facts), QUESTION_SEED);
  const texts = questions.map((question) => question.text);
  const warmUp = generateTaggedQuestions(base, warmUpCount(facts), QUESTION_SEED + 1).map((question) => question.text);
  const foreign = generateForeignQuestions(base, QUESTION_LANGUAGES.length * questionCount(facts), FOREIGN_QUESTION_SEED);
  const foreignWarmUp = generateForeignQuestions(base, warmUpCount(facts), FOREIGN_QUESTION_SEED + 1).map((question) => question.text);
  const step = <T>(what: string, run: () => T): T => {
    progress(`${label} ${facts} facts: ${what}`);
    const { ms, value } = timed(run);
    progress(`  done in ${(ms / 1000).toFixed(1)} s`);
    return value;
  };
  const engine = step(
    `engine, built ${ENGINE_BUILDS} times, ${texts.length} questions after ${warmUp.length} to warm up, swap-ins, long questions, ${foreign.length} Russian, Chinese and mixed questions after ${foreignWarmUp.length}`,
    () => measureEngine(base, texts, warmUp, { questions: foreign, warmUp: foreignWarmUp }, ENGINE_BUILDS),
  );
  const minisearch = contenders.has("minisearch")
    ? step(`MiniSearch, ${texts.length} questions after ${warmUp.length}`, () => measureMiniSearch(base, texts, warmUp))
    : undefined;
  const fuseQuestions = texts.slice(0, fuseQuestionCount(facts));
  const fuseWarmUp = warmUp.slice(0, fuseQuestions.length);
  const baseline = contenders.has("fuse")
    ? step(`Fuse.js, ${fuseQuestions.length} questions after ${fuseWarmUp.length}`, () => measureBaseline(base, fuseQuestions, fuseWarmUp))
    : undefined;
  return { label, facts, questions, foreign, engine, minisearch, baseline };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: "boolean", default: false },
      sizes: { type: "string", default: DEFAULT_SIZES },
      only: { type: "string" },
      contenders: { type: "string", default: CONTENDERS.join(",") },
    },
  });
  if (values.only !== undefined && values.only !== "engine" && values.only !== "bot") throw new Error('--only takes "engine" or "bot"');
  const sizes = parseSizes(values.sizes);
  const contenders = parseContenders(values.contenders);
  if (globalThis.gc === undefined) progress("warning: run node with --expose-gc (npm run bench does) or heap figures include garbage");
  const runs: BenchRun[] = [];
  const started = Date.now();

  const realBase = loadRealBase();
  const quality = values.only === "bot" ? undefined : measureQuality(realBase);
  if (values.only !== "bot") {
    runs.push(benchmark("facts.json", realBase, contenders));
    for (const size of sizes) {
      const generation = timed(() => generateFactBase(size, FACT_SEED));
      progress(`generated ${size} facts in ${generation.ms.toFixed(0)} ms`);
      runs.push(benchmark("generated", generation.value, contenders));
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
