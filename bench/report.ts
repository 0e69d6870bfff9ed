import { QUESTION_LANGUAGES, type ForeignQuestion, type QuestionLanguage } from "./generate-foreign-questions.js";
import type { GeneratedQuestion, QuestionOrigin } from "./generate-questions.js";
import type { BotMeasurement } from "./measure-bot.js";
import type { LoadStep } from "./measure-load.js";
import { LONG_QUESTION_CHARS, type EngineMeasurement, type LanguageSpeed } from "./measure-engine.js";
import type { SpeedMeasurement } from "./measure-speed.js";
import { percentile } from "./stats.js";
import { totalRight, type ContenderName, type QualityMeasurement } from "./quality.js";

/** Formats benchmark runs as tables with the performance and quality targets, or as one JSON object. */

export interface BenchRun {
  /** Where the facts came from: "facts.json" or "generated". */
  label: string;
  facts: number;
  /** The timed questions, with where each came from. */
  questions: readonly GeneratedQuestion[];
  /** The mixed-language stream the engine was timed on. */
  foreign: readonly ForeignQuestion[];
  engine: EngineMeasurement;
  /** Absent when left out with --contenders. */
  minisearch: SpeedMeasurement | undefined;
  /** Fuse.js with default options over statement and quote: the naive baseline. Absent when left out with --contenders. */
  baseline: SpeedMeasurement | undefined;
}

export interface BenchReport {
  runs: readonly BenchRun[];
  quality?: QualityMeasurement;
  bot?: BotMeasurement;
}

interface Target {
  target: string;
  /** null when the run did not measure it (a size left out with --sizes). */
  met: boolean | null;
  value: string | null;
}

const round = (value: number): number => Math.round(value * 1000) / 1000;
/** How many times faster the engine is: other / engine, null when the engine's time is too small to measure or the other was not run. */
const ratio = (other: number | undefined, engine: number): number | null => (other !== undefined && engine > 0 ? other / engine : null);

/** Median and fastest of builds. */
function buildStats(buildsMs: readonly number[]): { medianMs: number; minMs: number } {
  return { medianMs: percentile(buildsMs, 50), minMs: Math.min(...buildsMs) };
}

const buildCell = (buildsMs: readonly number[]): string => `${ms(buildStats(buildsMs).medianMs)} (${ms(buildStats(buildsMs).minMs)})`;

const roundedLanguage = (speed: LanguageSpeed): LanguageSpeed => ({ p50Ms: round(speed.p50Ms), p99Ms: round(speed.p99Ms), timed: speed.timed });

function roundedSpeed(speed: SpeedMeasurement): Record<string, number> {
  return {
    p50Ms: round(speed.p50Ms),
    p99Ms: round(speed.p99Ms),
    timed: speed.timed,
    warmUp: speed.warmUp,
    firstP99Ms: round(speed.firstP99Ms),
    buildMs: round(speed.buildMs),
    heapMB: round(speed.heapMB),
    builtMB: round(speed.builtMB),
  };
}

function questionMix(questions: readonly GeneratedQuestion[]): Record<QuestionOrigin | "typos", number> {
  const countOf = (origin: QuestionOrigin): number => questions.filter((question) => question.origin === origin).length;
  return {
    "off-topic": countOf("off-topic"),
    template: countOf("template"),
    example: countOf("example"),
    keywords: countOf("keywords"),
    typos: questions.filter((question) => question.typo).length,
  };
}

export function toJson({ runs, quality, bot }: BenchReport): string {
  return JSON.stringify({
    ...(bot
      ? {
          bot: {
            asks: bot.asks,
            p50Ms: round(bot.p50Ms),
            p99Ms: round(bot.p99Ms),
            messages: { ...bot.messages, p50Ms: round(bot.messages.p50Ms), p99Ms: round(bot.messages.p99Ms) },
            readyRssMB: round(bot.readyRssMB),
            rssMB: round(bot.rssMB),
          },
        }
      : {}),
    runs: runs.map(({ label, facts, questions, foreign, engine, minisearch, baseline }) => ({
      label,
      facts,
      questions: questionMix(questions),
      foreignQuestions: foreignMix(foreign),
      engine: {
        ...roundedSpeed(engine),
        buildsMs: engine.buildsMs.map(round),
        buildMedianMs: round(buildStats(engine.buildsMs).medianMs),
        buildMinMs: round(buildStats(engine.buildsMs).minMs),
        englishBuildsMs: engine.englishBuildsMs.map(round),
        languages: Object.fromEntries(Object.entries(engine.languages).map(([language, speed]) => [language, roundedLanguage(speed)])),
        updateMs: round(engine.updateMs),
        longQuestion: {
          chars: engine.longQuestion.chars,
          repeatedMs: round(engine.longQuestion.repeatedMs),
          capitalisedMs: round(engine.longQuestion.capitalisedMs),
        },
      },
      ...(minisearch ? { minisearch: roundedSpeed(minisearch) } : {}),
      ...(baseline ? { baseline: roundedSpeed(baseline) } : {}),
      speedup: nullableRound(ratio(baseline?.p50Ms, engine.p50Ms)),
      vsMiniSearch: { p50: nullableRound(ratio(minisearch?.p50Ms, engine.p50Ms)), p99: nullableRound(ratio(minisearch?.p99Ms, engine.p99Ms)) },
    })),
    ...(quality ? { quality: { file: quality.file, ...quality.grades } } : {}),
    ...(runs.length > 0 ? { targets: targets(runs, quality) } : {}),
  });
}

const nullableRound = (value: number | null): number | null => (value === null ? null : round(value));

/** Milliseconds with about three significant digits: 0.081, 2.35, 78.1, 1,505. */
function ms(value: number): string {
  if (value < 1) return value.toFixed(3);
  if (value < 10) return value.toFixed(2);
  if (value < 100) return value.toFixed(1);
  return Math.round(value).toLocaleString("en-US");
}
const times = (value: number | null): string =>
  value === null ? "n/a" : `${value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString("en-US")}x`;
/** A p99 over fewer than 100 questions is the slowest of them: marked with "*"; "-" for a contender not run. */
const p99 = (speed: { p99Ms: number; timed: number } | undefined): string => (speed ? `${ms(speed.p99Ms)}${speed.timed < 100 ? "*" : ""}` : "-");
const p50 = (speed: SpeedMeasurement | undefined): string => (speed ? ms(speed.p50Ms) : "-");
const shown = (speed: SpeedMeasurement | undefined, value: (speed: SpeedMeasurement) => string): string => (speed ? value(speed) : "-");

function foreignMix(questions: readonly ForeignQuestion[]): Record<QuestionLanguage, { questions: number; offTopic: number }> {
  return Object.fromEntries(QUESTION_LANGUAGES.map((language) => {
    const of = questions.filter((question) => question.language === language);
    return [language, { questions: of.length, offTopic: of.filter((question) => question.offTopic).length }];
  })) as Record<QuestionLanguage, { questions: number; offTopic: number }>;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join("  ");
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join("\n");
}

export function toTable(runs: readonly BenchRun[]): string {
  const speed = table(
    ["base", "facts", "timed e/m/f", "warm-up e/m/f", "engine p50", "mini p50", "fuse p50", "engine p99", "mini p99", "fuse p99", "engine p99 first", "vs fuse p50", "vs mini p50", "vs mini p99"],
    runs.map(({ label, facts, engine, minisearch, baseline }) => [
      label, facts.toLocaleString("en-US"), `${engine.timed}/${shown(minisearch, (speed) => String(speed.timed))}/${shown(baseline, (speed) => String(speed.timed))}`,
      `${engine.warmUp}/${shown(minisearch, (speed) => String(speed.warmUp))}/${shown(baseline, (speed) => String(speed.warmUp))}`,
      ms(engine.p50Ms), p50(minisearch), p50(baseline), p99(engine), p99(minisearch), p99(baseline), p99({ p99Ms: engine.firstP99Ms, timed: engine.warmUp }),
      times(ratio(baseline?.p50Ms, engine.p50Ms)), times(ratio(minisearch?.p50Ms, engine.p50Ms)), times(ratio(minisearch?.p99Ms, engine.p99Ms)),
    ]),
  );
  const build = table(
    ["base", "facts", "engine build median (min)", "without translations", "mini build", "fuse build", "engine heap", "mini heap", "fuse heap", "engine update", "long q repeated", "long q capitalised"],
    runs.map(({ label, facts, engine, minisearch, baseline }) => [
      label, facts.toLocaleString("en-US"), buildCell(engine.buildsMs), buildCell(engine.englishBuildsMs),
      shown(minisearch, (speed) => ms(speed.buildMs)), shown(baseline, (speed) => ms(speed.buildMs)),
      engine.heapMB.toFixed(1), shown(minisearch, (speed) => speed.heapMB.toFixed(1)), shown(baseline, (speed) => speed.heapMB.toFixed(1)), ms(engine.updateMs),
      ms(engine.longQuestion.repeatedMs), ms(engine.longQuestion.capitalisedMs),
    ]),
  );
  const languages = table(
    ["base", "facts", "en p50", "en p99", ...QUESTION_LANGUAGES.flatMap((language) => [`${language} p50`, `${language} p99`]), "all p50", "all p99", "timed each"],
    runs.map(({ label, facts, engine }) => [
      label, facts.toLocaleString("en-US"), ms(engine.p50Ms), p99(engine),
      ...[...QUESTION_LANGUAGES, "all" as const].flatMap((language) => [ms(engine.languages[language].p50Ms), p99(engine.languages[language])]),
      String(engine.languages.ru.timed),
    ]),
  );
  const mix = runs.map(({ label, facts, questions }) => {
    const counts = questionMix(questions);
    const reworded = counts.template + counts.example;
    const exampleShare = reworded === 0 ? 0 : Math.round((100 * counts.example) / reworded);
    return `  ${label} ${facts.toLocaleString("en-US")}: ${counts["off-topic"]} off-topic, ${counts.template} from templates over statement/keywords/entities, ` +
      `${counts.example} from the facts' example questions (${exampleShare}% of reworded), ${counts.keywords} keyword queries; ${counts.typos} with a typo`;
  });
  const foreignLines = runs.map(({ label, facts, foreign }) => {
    const counts = foreignMix(foreign);
    return `  ${label} ${facts.toLocaleString("en-US")}: ${QUESTION_LANGUAGES.map((language) => `${counts[language].questions} ${language} (${counts[language].offTopic} off-topic)`).join(", ")}`;
  });
  return [
    "Answer time, ms (e = engine, m = MiniSearch, f = Fuse.js; the same questions, in the same order, after the same warm-up; - = left out)",
    speed,
    "vs = how many times faster the engine is (the other's time / the engine's); * = p99 over fewer than 100 questions, so the slowest of them;",
    "warm-up = questions answered after the build before the timed ones, drawn the same way; engine p99 first = their p99, while the engine's code still compiles",
    "",
    "Build (ms; the engine's median and fastest of its builds, with the facts' translations and without), heap after the build (MB, after",
    "a full GC, one contender alive at a time),",
    `engine swap-in of one revised fact (ms), engine answering one ${LONG_QUESTION_CHARS.toLocaleString("en-US")}-character question (ms): a real question repeated, and distinct capitalised words`,
    build,
    "",
    "Engine answer time by language, ms: the English questions above, then a stream of Russian (ru), Chinese (zh) and mixed questions",
    "(English names with Russian or Chinese words), taken in turn, asked of the same engine after their own warm-up:",
    languages,
    ...foreignLines,
    "",
    "engine = src/knowledge (buildEngine); mini = MiniSearch 7 over the fact fields the engine indexes, boosted by its field weights,",
    "searchOptions { fuzzy: 0.2, prefix: true, boost }; fuse = Fuse.js 7, default options, keys statement and quote (a linear scan).",
    "Timed questions per base:",
    ...mix,
  ].join("\n");
}

const CONTENDERS: readonly [ContenderName, string][] = [["engine", "engine"], ["minisearch", "MiniSearch"], ["fuse", "Fuse.js"]];

export function qualityTable(quality: QualityMeasurement): string {
  const cell = ({ right, total }: { right: number; total: number }): string => `${right}/${total}`;
  const rows: [string, (grades: QualityMeasurement["grades"]["engine"]) => string][] = [
    ["answered right", (grades) => cell(grades.answer)],
    ["off-topic refused", (grades) => cell(grades.offtopic)],
    ["near misses refused", (grades) => cell(grades.nearmiss)],
    ["right in all", (grades) => cell(totalRight(grades))],
  ];
  return [
    `Answer quality on ${quality.file} (the real base), graded by gradeQuestions for all three:`,
    table(["", ...CONTENDERS.map(([, title]) => title)], rows.map(([title, show]) => [title, ...CONTENDERS.map(([name]) => show(quality.grades[name]))])),
    "An answer is right when the top fact's statement or quote holds an expected string. MiniSearch and Fuse.js answer",
    "with their top hit and refuse only when they return no hit at all; the engine refuses when it has no sourced answer.",
  ].join("\n");
}

function targets(runs: readonly BenchRun[], quality: QualityMeasurement | undefined): Target[] {
  const generated = (facts: number): BenchRun | undefined => runs.find((run) => run.label === "generated" && run.facts === facts);
  const [at10k, at100k] = [generated(10_000), generated(100_000)];
  const check = (target: string, value: number | null | undefined, isMet: (value: number) => boolean, show: (value: number) => string): Target =>
    value === null || value === undefined ? { target, met: null, value: null } : { target, met: isMet(value), value: show(value) };
  const inMs = (value: number): string => `${ms(value)} ms`;
  const longestQuestionMs = runs.length === 0 ? undefined : Math.max(...runs.flatMap(({ engine }) => [engine.longQuestion.repeatedMs, engine.longQuestion.capitalisedMs]));
  const devRight = quality ? { engine: totalRight(quality.grades.engine), minisearch: totalRight(quality.grades.minisearch) } : undefined;
  return [
    check("10k engine p99 <= 5 ms", at10k?.engine.p99Ms, (value) => value <= 5, inMs),
    check("10k engine p99 on the mixed-language stream <= 5 ms", at10k?.engine.languages.all.p99Ms, (value) => value <= 5, inMs),
    check("10k engine >= 100x the Fuse.js scan (p50)", at10k && ratio(at10k.baseline?.p50Ms, at10k.engine.p50Ms), (value) => value >= 100, times),
    check("10k engine faster than MiniSearch (p50)", at10k && ratio(at10k.minisearch?.p50Ms, at10k.engine.p50Ms), (value) => value > 1, times),
    check("10k engine faster than MiniSearch (p99)", at10k && ratio(at10k.minisearch?.p99Ms, at10k.engine.p99Ms), (value) => value > 1, times),
    devRight
      ? {
        target: "engine right on more dev-set questions than MiniSearch",
        met: devRight.engine.right > devRight.minisearch.right,
        value: `${devRight.engine.right}/${devRight.engine.total} vs ${devRight.minisearch.right}/${devRight.minisearch.total}`,
      }
      : { target: "engine right on more dev-set questions than MiniSearch", met: null, value: null },
    check("100k engine p99 <= 50 ms", at100k?.engine.p99Ms, (value) => value <= 50, inMs),
    check("100k engine p99 on the mixed-language stream <= 50 ms", at100k?.engine.languages.all.p99Ms, (value) => value <= 50, inMs),
    check("100k engine build < 5 s (median of its builds)", at100k && buildStats(at100k.engine.buildsMs).medianMs, (value) => value < 5_000, inMs),
    check("100k engine build < 5 s, the same facts without translations (median)", at100k && buildStats(at100k.engine.englishBuildsMs).medianMs, (value) => value < 5_000, inMs),
    check("10k engine swap-in <= 50 ms", at10k?.engine.updateMs, (value) => value <= 50, inMs),
    check(
      `engine on a ${LONG_QUESTION_CHARS.toLocaleString("en-US")}-character question <= 50 ms (slower of the two, every base)`,
      longestQuestionMs, (value) => value <= 50, inMs,
    ),
  ];
}

/** Each target met or missed, judged on the generated 10k and 100k runs, the dev set and the long questions. */
export function toTargets(runs: readonly BenchRun[], quality?: QualityMeasurement): string {
  const shown = targets(runs, quality).map(({ target, met, value }) => `  ${target}: ${met === null ? "not measured" : `${met ? "met" : "missed"} (${value})`}`);
  return ["Targets:", ...shown].join("\n");
}

/** The bot's interaction-to-reply latency and memory, with its targets. */
function loadLine(setup: string, step: LoadStep): string {
  return `load, ${setup}: ${step.offeredPerSecond} asks/s offered for ${step.asks} asks: sustained ${step.sustainedPerSecond.toFixed(0)}/s, p50 ${ms(step.p50Ms)} ms, p99 ${ms(step.p99Ms)} ms, resident memory ${step.rssMB.map((mb) => mb.toFixed(0)).join(" + ")} MB`;
}

export function botReport(bot: BotMeasurement): string {
  const check = (name: string, isMet: boolean, shown: string): string => `${name}: ${isMet ? "met" : "missed"} (${shown})`;
  return [
    `bot (compiled, fake Discord on loopback): ${bot.asks} asks, interaction-to-reply p50 ${ms(bot.p50Ms)} ms, p99 ${ms(bot.p99Ms)} ms; resident memory ${bot.readyRssMB.toFixed(1)} MB once ready, ${bot.rssMB.toFixed(1)} MB after them`,
    `channel messages: ${bot.messages.sent} in an opted-in channel, ${bot.messages.questions} of them questions: ${bot.messages.replies} replies (none to the others), message-to-reply p50 ${ms(bot.messages.p50Ms)} ms, p99 ${ms(bot.messages.p99Ms)} ms`,
    ...[...bot.load.map((step) => loadLine("one process", step)), ...bot.shardedLoad.map((step) => loadLine("2 shards (manager + shards)", step))],
    "Targets: " + [
      check("bot p99 <= 50 ms", bot.p99Ms <= 50, `${ms(bot.p99Ms)} ms`),
      ...bot.load.filter((step) => step.offeredPerSecond === 1_000).map((step) => check("1,000 asks/s with p99 <= 50 ms", step.sustainedPerSecond >= 950 && step.p99Ms <= 50, `${step.sustainedPerSecond.toFixed(0)}/s, p99 ${ms(step.p99Ms)} ms`)),
      check("message-to-reply p99 <= 50 ms", bot.messages.p99Ms <= 50, `${ms(bot.messages.p99Ms)} ms`),
      check("bot RSS <= 150 MB", bot.rssMB <= 150, `${bot.rssMB.toFixed(1)} MB`),
    ].join(" | "),
  ].join("\n");
}
