import { parseArgs } from "node:util";
import { formatFileProblem, readFactBaseFile, SEED_PATH } from "../src/knowledge/fact-base-file.js";
import type { FactBase } from "../src/knowledge/schema.js";
import { generateFactBase } from "./generate-facts.js";
import { generateQuestions } from "./generate-questions.js";
import { measureBaseline } from "./measure-baseline.js";
import { measureEngine } from "./measure-engine.js";
import { toJson, toTable, toTargets, type BenchRun } from "./report.js";
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

function main(): void {
  const { values } = parseArgs({
    options: { json: { type: "boolean", default: false }, sizes: { type: "string", default: DEFAULT_SIZES } },
  });
  const sizes = parseSizes(values.sizes);
  const runs: BenchRun[] = [];

  runs.push(benchmark("facts.json", loadRealBase()));

  for (const size of sizes) {
    const generation = timed(() => generateFactBase(size, FACT_SEED));
    progress(`generated ${size} facts in ${generation.ms.toFixed(0)} ms`);
    runs.push(benchmark("generated", generation.value));
  }

  if (values.json) process.stdout.write(`${toJson(runs)}\n`);
  else {
    console.log(`${toTable(runs)}\n${toTargets(runs)}`);
  }
}

main();
