import { parseArgs } from "node:util";
import { formatFileProblem, readFactBaseFile, SEED_PATH } from "../src/knowledge/fact-base-file.js";
import type { FactBase } from "../src/knowledge/schema.js";
import { generateFactBase } from "./generate-facts.js";
import { generateQuestions } from "./generate-questions.js";
import { measureBaseline } from "./measure-baseline.js";
import { measureBot } from "./measure-bot.js";
import { measureEngine } from "./measure-engine.js";
import { botReport, toJson, toTable, toTargets, type BenchRun } from "./report.js";
import { timed } from "./stats.js";

/**
 * `npm run bench [-- --json] [-- --sizes 1000,10000]`: the engine against a default-option Fuse.js baseline,
 * on the real fact base and on generated bases of the given sizes.
 */

const DEFAULT_SIZES = "1000,10000,100000";
const FACT_SEED = 20_240_601;
const QUESTION_SEED = 7;
const QUESTION_COUNT = 300;
const WARM_UP_COUNT = 30;
const BASELINE_WARM_UP_COUNT = 3;
const BOT_ASKS = 1_000;

const progress = (message: string): void => void process.stderr.write(`${message}\n`);

/** Fuse.js scans every fact per query, so bigger bases get fewer baseline questions to keep the bench short. */
function baselineQuestionLimit(facts: number): number {
  if (facts <= 2_000) return QUESTION_COUNT;
  if (facts <= 20_000) return 60;
  return 8;
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
  const questions = generateQuestions(base, QUESTION_COUNT, QUESTION_SEED);
  const warmUp = generateQuestions(base, WARM_UP_COUNT, QUESTION_SEED + 1);
  const facts = base.facts.length;
  progress(`${label} ${facts} facts: timing the engine on ${questions.length} questions`);
  const engine = measureEngine(base, questions, warmUp);
  const baselineQuestions = questions.slice(0, baselineQuestionLimit(facts));
  progress(`${label} ${facts} facts: timing the Fuse.js baseline on ${baselineQuestions.length} questions`);
  const baseline = measureBaseline(base, baselineQuestions, warmUp.slice(0, BASELINE_WARM_UP_COUNT));
  const speedup = engine.p50Ms > 0 ? baseline.p50Ms / engine.p50Ms : null;
  return { label, facts, engine, baseline, speedup };
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
  const runs: BenchRun[] = [];

  const realBase = loadRealBase();
  if (values.only !== "bot") {
    runs.push(benchmark("facts.json", realBase));
    for (const size of sizes) {
      const generation = timed(() => generateFactBase(size, FACT_SEED));
      progress(`generated ${size} facts in ${generation.ms.toFixed(0)} ms`);
      runs.push(benchmark("generated", generation.value));
    }
  }
  const bot = values.only === "engine" ? undefined : await measureBot(botQuestions(realBase), BOT_ASKS, progress);

  if (values.json) process.stdout.write(`${toJson(runs, bot)}\n`);
  else console.log([runs.length > 0 ? `${toTable(runs)}\n${toTargets(runs)}` : "", bot ? botReport(bot) : ""].filter(Boolean).join("\n\n"));
}

/** Questions people ask, and off-topic ones, in the proportions of the engine runs. */
function botQuestions(base: FactBase): string[] {
  return generateQuestions(base, 200, QUESTION_SEED + 2);
}

await main();
