import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import { FIELD_COUNT, learnSurface, readFact, readingContext, sharedAnswerTypes, type FactReading, type FactTexts, type ReadingContext } from "./fact-reading.js";
import { packTexts, unpackTexts, type PackedTexts } from "./packed-texts.js";
import type { LoggedFacts } from "./term-log.js";
import type { AnswerType } from "./text/analyze.js";

/** From this many facts a helper thread reads part of them: below it, starting the helper costs more than it saves. */
const PARALLEL_FROM = 10_000;
/** The share of the facts this thread reads while the helper starts, unpacks and reads the rest. */
const OWN_SHARE = 0.56;
/** How long to wait, once this thread's share is read, for a helper that has not begun; and for one that has to finish. */
const START_TIMEOUT_MS = 10_000;
const READ_TIMEOUT_MS = 120_000;

/** Where a helper is, in the number it shares with the thread that started it. */
export const HelperState = { Starting: 0, Reading: 1, Done: 2 } as const;

/** What a helper is given: its facts' texts and what reading them needs to know. */
export interface HelperWork {
  texts: PackedTexts;
  names: string[];
  phrases: string[];
}

export interface HelperData {
  work: HelperWork;
  port: MessagePort;
  state: Int32Array<SharedArrayBuffer>;
}

/** What a helper hands back: its facts read into a log, what else reading them learnt, and the words it met. */
export interface HelperReport {
  log: LoggedFacts;
  statementCounts: Int32Array<ArrayBuffer>;
  subjectCounts: Int32Array<ArrayBuffer>;
  answerTypeLists: AnswerType[][];
  /** For each fact, its list in `answerTypeLists`. */
  answerTypes: Int32Array<ArrayBuffer>;
  /** The content words met, in the order first met, each with its term's number in `log`. */
  surfaces: string[];
  surfaceTerms: Int32Array<ArrayBuffer>;
}

const FROM_SOURCES = import.meta.url.endsWith(".ts");
const HELPER = new URL(`./reading-worker${FROM_SOURCES ? ".ts" : ".js"}`, import.meta.url);

/** Helpers that could not start or failed once are not tried again: their facts are read here instead. */
const failedHelpers = new Set<string>();

export interface ReadOptions {
  /** From how many facts a helper reads part of them. */
  parallelFrom?: number;
  /** The helper's module (the one in this folder unless given). */
  helper?: URL;
}

export interface ReadFacts {
  readings: FactReading[];
  /** How many of the facts a helper thread read. */
  helped: number;
}

/**
 * Reads the facts' texts into the context, in order, as `readFact` does one by one. On a large base a helper thread
 * reads the last part at the same time, and its facts join the context after this thread's with the same terms,
 * term numbers and vocabulary as if read here. A helper that fails changes nothing but the time: its facts are read
 * here.
 */
export function readFacts<T>(facts: readonly T[], texts: (fact: T) => FactTexts, context: ReadingContext, options: ReadOptions = {}): ReadFacts {
  const helperUrl = options.helper ?? HELPER;
  const parallel = facts.length >= (options.parallelFrom ?? PARALLEL_FROM) && !failedHelpers.has(helperUrl.href);
  const own = parallel ? Math.ceil(facts.length * OWN_SHARE) : facts.length;
  const helper = own < facts.length ? startHelper(helperUrl, facts.slice(own), texts, context) : undefined;
  const readings = facts.slice(0, own).map((fact) => readFact(texts(fact), context));
  const report = helper?.();
  if (helper && !report) failedHelpers.add(helperUrl.href);
  const rest = report ? mergeReport(report, context) : facts.slice(own).map((fact) => readFact(texts(fact), context));
  return { readings: [...readings, ...rest], helped: report ? rest.length : 0 };
}

/** Reads a helper's facts as `readFacts` would here, into a report to hand back. */
export function readAsHelper(work: HelperWork): HelperReport {
  const context = readingContext(new Set(work.names), new Map(), new Set(work.phrases), work.texts.counts.length / FIELD_COUNT);
  const readings = Array.from(unpackTexts(work.texts), (texts) => readFact(texts, context));
  const lists = [...new Set(readings.map((reading) => reading.answerTypes))];
  const surfaces = [...context.surfaces].filter(([, term]) => term >= 0);
  return {
    log: context.log.exported(),
    statementCounts: Int32Array.from(readings, (reading) => reading.statementCount),
    subjectCounts: Int32Array.from(readings, (reading) => reading.subjectCount),
    answerTypeLists: lists.map((list) => [...list]),
    answerTypes: Int32Array.from(readings, (reading) => lists.indexOf(reading.answerTypes)),
    surfaces: surfaces.map(([surface]) => surface),
    surfaceTerms: Int32Array.from(surfaces, ([, term]) => term),
  };
}

/** The report's buffers, handed over rather than copied. */
export function reportTransfers(report: HelperReport): ArrayBuffer[] {
  const { log } = report;
  return [log.ids.buffer, log.weights.buffer, log.ends.buffer, report.statementCounts.buffer, report.subjectCounts.buffer, report.answerTypes.buffer, report.surfaceTerms.buffer];
}

/** Adds a helper's facts to the context after those read here, as if read here. */
function mergeReport(report: HelperReport, context: ReadingContext): FactReading[] {
  context.log.append(report.log);
  report.surfaces.forEach((surface, at) => learnSurface(context.vocabulary, surface, report.log.terms[report.surfaceTerms[at]!]!));
  const lists = report.answerTypeLists.map(sharedAnswerTypes);
  return Array.from(report.statementCounts, (statementCount, at) => ({
    statementCount,
    subjectCount: report.subjectCounts[at]!,
    answerTypes: lists[report.answerTypes[at]!]!,
  }));
}

/**
 * The helper's first lines. Run from TypeScript sources (tests, `npm run ask`), it registers tsx itself: a thread
 * does not inherit the loader. A helper that cannot load says it is done without a report, so no one waits for it.
 */
function helperStart(helper: URL): string {
  const load = `import(${JSON.stringify(helper.href)})`;
  return `const { workerData: { state } } = require("node:worker_threads");
${helper.pathname.endsWith(".ts") ? `import("tsx/esm/api").then(({ register }) => register()).then(() => ${load})` : load}
  .catch(() => { Atomics.store(state, 0, ${HelperState.Done}); Atomics.notify(state, 0); });`;
}

/** Starts a helper on these facts; the function returned waits for its report, undefined if it failed. */
function startHelper<T>(helper: URL, facts: readonly T[], texts: (fact: T) => FactTexts, context: ReadingContext): (() => HelperReport | undefined) | undefined {
  const state = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const work: HelperWork = { texts: packTexts(facts, texts), names: [...context.names], phrases: [...context.phrases] };
  const data: HelperData = { work, port: port2, state };
  let worker: Worker;
  try {
    worker = new Worker(helperStart(helper), {
      eval: true,
      workerData: data,
      transferList: [port2, work.texts.bytes.buffer, work.texts.lengths.buffer, work.texts.texts.buffer, work.texts.counts.buffer],
    });
  } catch {
    port1.close();
    return undefined;
  }
  // A helper that fails shows as no report.
  worker.on("error", () => {});
  worker.unref();
  return () => {
    if (Atomics.wait(state, 0, HelperState.Starting, START_TIMEOUT_MS) !== "timed-out") Atomics.wait(state, 0, HelperState.Reading, READ_TIMEOUT_MS);
    const done = Atomics.load(state, 0) === HelperState.Done;
    const report = done ? (receiveMessageOnPort(port1)?.message as HelperReport | undefined) : undefined;
    port1.close();
    void worker.terminate();
    return report;
  };
}
